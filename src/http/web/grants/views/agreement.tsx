import type { GrantFacts } from '../../../../domain/grants/grant-facts.ts';
import { formatAmount, formatDay } from '../../../i18n/index.ts';
import { type PageKey, pageHref } from '../../../paths.ts';
import { type FieldErrors, TextAreaField } from '../../../views/forms.tsx';
import { type Chrome, CsrfField } from '../../../views/layout.tsx';
import type { AgreementMessages } from '../agreement.messages.ts';
import { grantMessages } from '../messages.ts';

type View = { ch: Chrome; t: AgreementMessages };

/**
 * What the grant is: funder, cluster, year, amount, source and journal number, and the way to
 * its follow-up (change requests, financial report, annual progress).
 */
export function GrantFactsList({ v, g, reference }: { v: View; g: GrantFacts; reference: string }) {
  const { ch, t } = v;
  return (
    <>
      <dl class="summary-list">
        <dt>{t.funder}</dt>
        <dd>{g.funderName}</dd>
        <dt>{t.cluster}</dt>
        <dd>{g.clusterName}</dd>
        <dt>{t.year}</dt>
        <dd>{g.year}</dd>
        <dt>{t.amount}</dt>
        <dd>{formatAmount(g.amountDkk, ch.lang)}</dd>
        <dt>{t.source}</dt>
        <dd>{grantMessages(ch.lang).sources[g.source]}</dd>
        <dt>{t.reference}</dt>
        <dd>{reference}</dd>
      </dl>
      <p>
        <a href={pageHref('grantFollowUp', ch.lang, { id: g.id })}>{t.followUpLink}</a>
      </p>
    </>
  );
}

/** The agreement's state in words: sent when, accepted by whom and when. */
export function AgreementState({ v, g }: { v: View; g: GrantFacts }) {
  const { ch, t } = v;
  const a = g.agreement;
  return (
    <dl class="summary-list">
      <dt>{t.agreementStatus}</dt>
      <dd>
        {t.statuses[a?.status ?? 'none']}
        {a?.sentAt && <div class="form-hint">{t.sentOn(formatDay(a.sentAt, ch.lang))}</div>}
        {a?.acceptedAt && (
          <div class="form-hint">
            {t.acceptedOn(a.acceptedByName ?? '', formatDay(a.acceptedAt, ch.lang))}
          </div>
        )}
      </dd>
    </dl>
  );
}

/** The link to the agreement's PDF, on the funder's or the cluster's page. */
export function AgreementDownload(p: { v: View; g: GrantFacts; page: PageKey }) {
  if (!p.g.may.readAgreement) return null;
  return (
    <p>
      <a href={pageHref(p.page, p.v.ch.lang, { id: p.g.id })} download>
        {p.v.t.download}
      </a>
    </p>
  );
}

/** The funder's forms: draw up or change the draft, then send it. */
export function AgreementForms(p: {
  v: View;
  g: GrantFacts;
  values: Record<string, string>;
  errors: FieldErrors;
}) {
  const { ch, t } = p.v;
  const { g } = p;
  return (
    <>
      {g.may.issue && (
        <form method="post" action={pageHref('grantAgreement', ch.lang, { id: g.id })} novalidate>
          <CsrfField token={ch.csrfToken} />
          <TextAreaField
            name="conditions"
            label={t.conditions}
            hint={t.conditionsHint}
            value={p.values.conditions ?? g.agreement?.conditions ?? ''}
            error={p.errors.conditions}
            rows={3}
          />
          <button type="submit" class="button button-secondary">
            {g.agreement ? t.update : t.issue}
          </button>
        </form>
      )}
      {g.may.send && (
        <form method="post" action={pageHref('grantAgreementSend', ch.lang, { id: g.id })}>
          <CsrfField token={ch.csrfToken} />
          <p class="form-hint">{t.sendHint}</p>
          <button type="submit" class="button button-primary" id="agreement">
            {t.send}
          </button>
        </form>
      )}
    </>
  );
}
