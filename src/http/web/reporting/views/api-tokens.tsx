import type { ApiTokenRow, TokenOrganisation } from '../../../../domain/reporting/tokens/tokens.ts';
import { TOKEN_LIFETIMES_DAYS } from '../../../../domain/reporting/tokens/tokens.ts';
import { formatDateTime, type Messages } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import { Alert, ErrorSummary, type FieldErrors, SelectField, TextField } from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import type { ApiTokenMessages } from '../api-tokens.messages.ts';

/** The lifetime the form offers first. */
const DEFAULT_LIFETIME = 90;

/** The token page: the organisations whose tokens the user manages, the one shown, its tokens. */
export interface TokensView {
  organisations: TokenOrganisation[];
  organisation: TokenOrganisation;
  tokens: ApiTokenRow[];
  now: Date;
  /** A token just created: its plaintext is shown in this answer only. */
  created?: { token: string; name: string; expiresAt: Date };
  revoked?: boolean;
  values?: Record<string, string>;
  errors?: FieldErrors;
}

function TokenStatus({
  token,
  now,
  t,
  lang,
}: {
  token: ApiTokenRow;
  now: Date;
  t: ApiTokenMessages;
  lang: Lang;
}) {
  if (token.revokedAt)
    return (
      <span class="badge badge-error">{t.revoked(formatDateTime(new Date(token.revokedAt), lang))}</span>
    );
  if (new Date(token.expiresAt).getTime() <= now.getTime())
    return <span class="badge badge-warning">{t.expired}</span>;
  return <span class="badge badge-success">{t.active}</span>;
}

function TokenTable({
  tokens,
  now,
  t,
  lang,
  org,
  csrf,
}: {
  tokens: ApiTokenRow[];
  now: Date;
  t: ApiTokenMessages;
  lang: Lang;
  org: TokenOrganisation;
  csrf: string;
}) {
  if (tokens.length === 0) return <p>{t.none}</p>;
  return (
    <ScrollingTable label={t.listHeading(org.name)}>
      <table class="table table--compact">
        <thead>
          <tr>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.prefix}</th>
            <th scope="col">{t.created}</th>
            <th scope="col">{t.lastUsed}</th>
            <th scope="col">{t.expires}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.actions}</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((k) => (
            <tr>
              <td>{k.name}</td>
              <td>
                <code>{k.tokenPrefix}…</code>
              </td>
              <td>{formatDateTime(new Date(k.createdAt), lang)}</td>
              <td>{k.lastUsedAt ? formatDateTime(new Date(k.lastUsedAt), lang) : t.never}</td>
              <td>
                {formatDateTime(new Date(k.expiresAt), lang)}
                {k.expiryRemindedAt && !k.revokedAt && (
                  <>
                    <br />
                    <span class="form-hint">
                      {t.reminded(formatDateTime(new Date(k.expiryRemindedAt), lang))}
                    </span>
                  </>
                )}
              </td>
              <td>
                <TokenStatus token={k} now={now} t={t} lang={lang} />
              </td>
              <td>
                {!k.revokedAt && (
                  <form method="post" action={pageHref('apiTokenRevoke', lang, { id: k.id })}>
                    <CsrfField token={csrf} />
                    <input type="hidden" name="organisation" value={org.id} />
                    <button type="submit" class="button button-secondary" aria-label={t.revokeLabel(k.name)}>
                      {t.revoke}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

/** The whole page below the title bar: a new token if one was just made, the form and the list. */
export function TokensPage({
  v,
  t,
  lang,
  csrf,
  m,
}: {
  v: TokensView;
  t: ApiTokenMessages;
  lang: Lang;
  csrf: string;
  m: Messages;
}) {
  return (
    <>
      <h1>{t.title}</h1>
      <p class="font-lead">{t.intro}</p>
      <p>
        <a href={href('apiDocs', lang)}>{t.docsLink}</a>
      </p>
      {v.errors && <ErrorSummary m={m} errors={v.errors} />}
      {v.created && (
        <div class="alert alert-success" role="status">
          <div class="alert-body">
            <h2 class="alert-heading">{t.createdHeading}</h2>
            <p class="alert-text">{t.createdText}</p>
            <p class="alert-text">
              <label for="new-token">
                {t.tokenLabel} ({v.created.name})
              </label>
              <br />
              <input
                class="form-input input-width-xl"
                id="new-token"
                type="text"
                readonly
                value={v.created.token}
                autocomplete="off"
                spellcheck={false}
              />
            </p>
            <p class="alert-text">{t.usage}</p>
            <p class="alert-text">{t.validUntil(formatDateTime(v.created.expiresAt, lang))}</p>
          </div>
        </div>
      )}
      {v.revoked && <Alert variant="success">{t.revokedNotice}</Alert>}
      {v.organisations.length > 1 && (
        <form method="get" action={href('apiTokens', lang)}>
          <SelectField
            name="organisation"
            label={t.organisation}
            value={v.organisation.id}
            options={v.organisations.map((o) => ({ value: o.id, label: o.name }))}
          />
          <button type="submit" class="button button-secondary">
            {t.show}
          </button>
        </form>
      )}
      <section aria-labelledby="create-heading">
        <h2 id="create-heading">{t.createHeading}</h2>
        <form method="post" action={href('apiTokens', lang)} novalidate>
          <CsrfField token={csrf} />
          <input type="hidden" name="organisation" value={v.organisation.id} />
          <TextField
            name="name"
            label={t.name}
            hint={t.nameHint}
            value={v.values?.name ?? ''}
            error={v.errors?.name}
            required
          />
          <SelectField
            name="lifetime"
            label={t.lifetime}
            hint={t.lifetimeHint}
            value={v.values?.lifetime ?? String(DEFAULT_LIFETIME)}
            error={v.errors?.lifetime}
            options={TOKEN_LIFETIMES_DAYS.map((d) => ({ value: String(d), label: t.days(d) }))}
          />
          <button type="submit" class="button button-primary">
            {t.create}
          </button>
        </form>
      </section>
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">{t.listHeading(v.organisation.name)}</h2>
        <TokenTable tokens={v.tokens} now={v.now} t={t} lang={lang} org={v.organisation} csrf={csrf} />
      </section>
    </>
  );
}
