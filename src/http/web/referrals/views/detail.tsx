import type { Child } from 'hono/jsx';
import { themeText } from '../../../../domain/catalogue/themes.ts';
import type { ReferralDetail, ReferralView } from '../../../../domain/referrals/queries.ts';
import type { Messages } from '../../../i18n/index.ts';
import { formatDate, formatDateTime } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import {
  Alert,
  ErrorSummary,
  formText,
  type PostedForm,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import type { ReferralMessages } from '../messages.ts';
import { statusText } from './list.tsx';

type Shared = { lang: Lang; t: ReferralMessages };

/** A personal detail, or that the retention rule deleted it. */
const personal = (value: string | null, r: ReferralView, t: ReferralMessages) =>
  r.personalDataDeletedAt ? t.deleted : (value ?? '');

function Facts({ r, lang, t }: Shared & { r: ReferralView }) {
  return (
    <dl class="summary-list">
      <dt>{t.status}</dt>
      <dd>{statusText(r, t)}</dd>
      <dt>{t.from}</dt>
      <dd>{r.fromName}</dd>
      <dt>{t.to}</dt>
      <dd>{r.toTargetUrl ? <a href={r.toTargetUrl}>{r.toName}</a> : r.toName}</dd>
      <dt>{t.cvr}</dt>
      <dd>{r.cvr}</dd>
      <dt>{t.theme}</dt>
      <dd>{themeText(r.theme, lang)}</dd>
      <dt>{t.need_}</dt>
      <dd>{personal(r.need, r, t)}</dd>
      <dt>{t.contact}</dt>
      <dd>
        {r.personalDataDeletedAt
          ? t.deleted
          : [r.contactName, r.contactEmail, r.contactPhone].filter(Boolean).join(', ')}
      </dd>
      <dt>{t.consentRecorded}</dt>
      <dd>{formatDateTime(r.consentRecordedAt, lang)}</dd>
      <dt>{t.crossRegion}</dt>
      <dd>{r.crossRegion ? t.yes : t.no}</dd>
      {r.contactedOn && (
        <>
          <dt>{t.contactedOn}</dt>
          <dd>{formatDate(r.contactedOn, lang)}</dd>
        </>
      )}
      {r.outcome && r.outcomeOn && (
        <>
          <dt>{t.outcome}</dt>
          <dd>
            {t.outcomes[r.outcome]} ({formatDate(r.outcomeOn, lang)})
            {r.confirmedByReporting !== null && (
              <>
                {'. '}
                {r.confirmedByReporting ? t.confirmed : t.notConfirmed}
              </>
            )}
          </dd>
        </>
      )}
    </dl>
  );
}

function History({ detail, lang, t }: Shared & { detail: ReferralDetail }) {
  return (
    <ol class="nobullet-list">
      {detail.history.map((e) => (
        <li>
          <strong>{t.events[e.kind]}</strong> ({formatDateTime(e.at, lang)}),{' '}
          {e.organisationName ? `${e.actorName}, ${e.organisationName}` : e.actorName}
          {e.note && <p>{e.note}</p>}
        </li>
      ))}
    </ol>
  );
}

type FormProps = Shared & { id: string; form: PostedForm; csrfToken: string };

type StepPage = 'referralAccept' | 'referralDecline' | 'referralContact' | 'referralOutcome';

function StepForm(p: FormProps & { page: StepPage; heading: string; children?: Child }) {
  return (
    <form method="post" action={pageHref(p.page, p.lang, { id: p.id })} novalidate>
      <CsrfField token={p.csrfToken} />
      <h2 class="h3">{p.heading}</h2>
      {p.children}
      <button type="submit" class="button button-primary">
        {p.heading}
      </button>
    </form>
  );
}

function Steps(p: FormProps & { detail: ReferralDetail }) {
  const { may } = p.detail;
  const { t, form } = p;
  const v = (k: string) => formText(form.values[k]);
  return (
    <>
      {may.accept && <StepForm {...p} page="referralAccept" heading={t.accept} />}
      {may.decline && (
        <StepForm {...p} page="referralDecline" heading={t.decline}>
          <TextAreaField name="reason" label={t.reason} value={v('reason')} error={form.errors.reason} />
        </StepForm>
      )}
      {may.recordContact && (
        <StepForm {...p} page="referralContact" heading={t.recordContact}>
          <TextField
            name="contactedOn"
            type="date"
            label={t.date}
            value={v('contactedOn')}
            error={form.errors.contactedOn}
          />
          <TextAreaField name="note" label={t.note} value={v('note')} error={form.errors.note} />
        </StepForm>
      )}
      {may.recordOutcome && (
        <StepForm {...p} page="referralOutcome" heading={t.recordOutcome}>
          <SelectField
            name="outcome"
            label={t.outcome}
            placeholder={t.chooseOutcome}
            value={v('outcome')}
            options={Object.entries(t.outcomes).map(([value, label]) => ({ value, label }))}
            error={form.errors.outcome}
          />
          <TextField
            name="outcomeOn"
            type="date"
            label={t.date}
            value={v('outcomeOn')}
            error={form.errors.outcomeOn}
          />
          <TextAreaField name="note" label={t.note} value={v('note')} error={form.errors.note} />
        </StepForm>
      )}
    </>
  );
}

/** One referral: its facts, its history and the steps the caller may take now. */
export function ReferralDetailView(
  p: Shared & {
    detail: ReferralDetail;
    form: PostedForm;
    notice: { variant: 'success' | 'warning'; text: string } | null;
    csrfToken: string;
    m: Messages;
  },
) {
  const { detail, lang, t } = p;
  const r = detail.referral;
  return (
    <>
      <p>
        <a href={href('referrals', lang)}>{t.back}</a>
      </p>
      <h1>{r.companyName}</h1>
      {p.notice && <Alert variant={p.notice.variant}>{p.notice.text}</Alert>}
      <ErrorSummary m={p.m} errors={p.form.errors} />
      <Facts r={r} lang={lang} t={t} />
      <Steps detail={detail} id={r.id} form={p.form} csrfToken={p.csrfToken} lang={lang} t={t} />
      <h2>{t.history}</h2>
      <History detail={detail} lang={lang} t={t} />
    </>
  );
}
