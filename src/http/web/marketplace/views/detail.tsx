import { themeText } from '../../../../domain/catalogue/themes.ts';
import { countryName } from '../../../../domain/companies/schemas.ts';
import type { MarketplaceItem } from '../../../../domain/marketplace/queries.ts';
import { formatDate } from '../../../../domain/reference/danish.ts';
import { regionName } from '../../../../domain/reference/geography.ts';
import type { Messages } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import { Alert, ErrorSummary, formText, type PostedForm, TextAreaField } from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import type { MarketplaceMessages } from '../messages.ts';

/** Who may do what on the page, as the domain says. */
export type InterestState = 'visitor' | 'own' | 'may' | 'sent';

function InterestForm(p: {
  item: MarketplaceItem;
  form: PostedForm;
  csrfToken: string;
  m: Messages;
  lang: Lang;
  t: MarketplaceMessages;
}) {
  const { t, lang } = p;
  return (
    <section aria-labelledby="interest-heading" class="mt-7">
      <h2 id="interest-heading">{t.interestHeading}</h2>
      <p>{t.interestLead}</p>
      <ErrorSummary m={p.m} errors={p.form.errors} />
      <form method="post" action={pageHref('marketplaceInterest', lang, { id: p.item.id })} novalidate>
        <CsrfField token={p.csrfToken} />
        <TextAreaField
          name="message"
          label={t.message}
          value={formText(p.form.values.message)}
          error={p.form.errors.message}
        />
        <button type="submit" class="button button-primary">
          {t.sendInterest}
        </button>
      </form>
    </section>
  );
}

/** The owner's button to take the item off the marketplace. */
function WithdrawForm(p: { item: MarketplaceItem; csrfToken: string; lang: Lang; t: MarketplaceMessages }) {
  return (
    <form method="post" action={pageHref('marketplaceWithdraw', p.lang, { id: p.item.id })}>
      <CsrfField token={p.csrfToken} />
      <p>{p.t.withdrawHelp}</p>
      <button type="submit" class="button button-secondary">
        {p.t.withdraw}
      </button>
    </form>
  );
}

/** One offer or request, the form to express interest in it, and its owner's withdraw button. */
export function MarketplaceItemView(p: {
  item: MarketplaceItem;
  state: InterestState;
  mayWithdraw: boolean;
  form: PostedForm;
  published: boolean;
  saved: boolean;
  csrfToken: string;
  m: Messages;
  lang: Lang;
  t: MarketplaceMessages;
}) {
  const { item, lang, t } = p;
  const owner = item.owner;
  const place =
    owner.regionCode !== null
      ? `${countryName(owner.country, lang)}, ${regionName(owner.regionCode, lang)}`
      : countryName(owner.country, lang);
  return (
    <>
      <p>
        <a href={href('marketplace', lang)}>{t.back}</a>
      </p>
      {p.published && <Alert variant="success">{t.published}</Alert>}
      {p.saved && <Alert variant="success">{t.saved}</Alert>}
      <h1>{item.title}</h1>
      <p class="font-lead">
        {t.directions[item.direction]} · {t.types[item.type]}
      </p>
      {item.description.split(/\n\s*\n/).map((paragraph) => (
        <p>{paragraph}</p>
      ))}
      <dl class="summary-list">
        <dt>{t.owner}</dt>
        <dd>
          {owner.kind === 'cluster' ? (
            <a href={pageHref('cluster', lang, { slug: owner.slug })}>{owner.name}</a>
          ) : (
            owner.name
          )}{' '}
          ({place})
        </dd>
        <dt>{t.validPeriod}</dt>
        <dd>
          {formatDate(item.validFrom, lang)} – {formatDate(item.validUntil, lang)}
        </dd>
        {item.themes.length > 0 && (
          <>
            <dt>{t.themes}</dt>
            <dd>{item.themes.map((k) => themeText(k, lang)).join(', ')}</dd>
          </>
        )}
        {item.technologies.length > 0 && (
          <>
            <dt>{t.technologies}</dt>
            <dd>{item.technologies.join(', ')}</dd>
          </>
        )}
      </dl>
      {p.state === 'sent' && <Alert variant="success">{t.interestSent}</Alert>}
      {p.state === 'own' && <p>{t.ownItem}</p>}
      {p.mayWithdraw && (
        <p>
          <a class="button button-secondary" href={pageHref('marketplaceEdit', lang, { id: item.id })}>
            {t.edit}
          </a>
        </p>
      )}
      {p.mayWithdraw && <WithdrawForm item={item} csrfToken={p.csrfToken} lang={lang} t={t} />}
      {p.state === 'visitor' && (
        <p>
          <a href={href('login', lang, { next: pageHref('marketplaceItem', lang, { id: item.id }) })}>
            {t.signInToAct}
          </a>
        </p>
      )}
      {p.state === 'may' && (
        <InterestForm item={item} form={p.form} csrfToken={p.csrfToken} m={p.m} lang={lang} t={t} />
      )}
    </>
  );
}
