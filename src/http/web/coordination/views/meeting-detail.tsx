import type { MeetingDetail } from '../../../../domain/coordination/meeting-queries.ts';
import type { Messages } from '../../../i18n/index.ts';
import { formatDate } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import {
  Alert,
  DateInput,
  datePartsOf,
  ErrorSummary,
  formText,
  type PostedForm,
  SelectField,
  TextAreaField,
} from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import { MarkdownBody } from '../../content/components.tsx';
import type { MeetingMessages } from '../meeting-messages.ts';
import { DecisionTable } from './meeting-list.tsx';

type Shared = { lang: Lang; t: MeetingMessages };
type Choice = { value: string; label: string };

function Facts({ meeting, lang, t }: Shared & { meeting: MeetingDetail['meeting'] }) {
  return (
    <dl class="summary-list">
      <dt>{t.heldOn}</dt>
      <dd>{formatDate(meeting.heldOn, lang)}</dd>
      <dt>{t.kind}</dt>
      <dd>{t.kinds[meeting.kind]}</dd>
      <dt>{t.convener}</dt>
      <dd>{meeting.convenerName}</dd>
      <dt>{t.participants}</dt>
      <dd>{meeting.participants.map((p) => p.name).join(', ')}</dd>
      {meeting.call && (
        <>
          <dt>{t.call}</dt>
          <dd>
            <a href={pageHref('call', lang, { slug: meeting.call.slug })}>{meeting.call.title}</a>
          </dd>
        </>
      )}
      {meeting.fundingPlan && (
        <>
          <dt>{t.fundingPlan}</dt>
          <dd>
            <a href={pageHref('fundingPlan', lang, { id: meeting.fundingPlan.id })}>
              {meeting.fundingPlan.title}
            </a>
          </dd>
        </>
      )}
    </dl>
  );
}

function MinutesForm(p: Shared & { meeting: MeetingDetail['meeting']; form: PostedForm; csrfToken: string }) {
  const value = formText(p.form.values.minutes) || (p.meeting.minutes ?? '');
  return (
    <form
      method="post"
      action={pageHref('coordinationMeetingMinutes', p.lang, { id: p.meeting.id })}
      novalidate
    >
      <CsrfField token={p.csrfToken} />
      <TextAreaField
        rows={10}
        name="minutes"
        label={p.t.minutes}
        hint={p.t.minutesHint}
        value={value}
        error={p.form.errors.minutes}
      />
      <button type="submit" class="button button-secondary">
        {p.t.minutesSubmit}
      </button>
    </form>
  );
}

function DecisionForm(
  p: Shared & {
    detail: MeetingDetail;
    choices: { calls: Choice[]; clusters: Choice[] };
    form: PostedForm;
    csrfToken: string;
    m: Messages;
  },
) {
  const { t, form } = p;
  const v = (k: string) => formText(form.values[k]);
  return (
    <section aria-labelledby="decision-form-heading">
      <h2 id="decision-form-heading">{t.decisionFormHeading}</h2>
      <form
        method="post"
        action={pageHref('coordinationMeetingDecisions', p.lang, { id: p.detail.meeting.id })}
        novalidate
      >
        <CsrfField token={p.csrfToken} />
        <TextAreaField rows={3} name="text" label={t.decision} value={v('text')} error={form.errors.text} />
        <SelectField
          name="responsibleFunderId"
          label={t.responsible}
          placeholder={t.chooseResponsible}
          value={v('responsibleFunderId')}
          options={p.detail.meeting.participants.map((x) => ({ value: x.id, label: x.name }))}
          error={form.errors.responsibleFunderId}
        />
        <DateInput
          name="dueOn"
          legend={t.dueOn}
          hint={t.dateHint}
          m={p.m}
          value={datePartsOf(
            Object.fromEntries(Object.entries(form.values).map(([k, x]) => [k, formText(x)])),
            'dueOn',
          )}
          error={form.errors.dueOn}
        />
        <SelectField
          name="callId"
          label={t.call}
          hint={t.linkHint}
          placeholder={t.noChoice}
          value={v('callId')}
          options={p.choices.calls}
          error={form.errors.callId}
        />
        <SelectField
          name="clusterId"
          label={t.cluster}
          hint={t.linkHint}
          placeholder={t.noChoice}
          value={v('clusterId')}
          options={p.choices.clusters}
          error={form.errors.clusterId}
        />
        <button type="submit" class="button button-secondary">
          {t.decisionSubmit}
        </button>
      </form>
    </section>
  );
}

/** One meeting: facts, agenda, minutes, decisions, and the participants' forms. */
export function MeetingDetailView(
  p: Shared & {
    detail: MeetingDetail;
    choices: { calls: Choice[]; clusters: Choice[] };
    form: PostedForm;
    notice: string | null;
    csrfToken: string;
    m: Messages;
  },
) {
  const { detail, lang, t } = p;
  const { meeting } = detail;
  return (
    <>
      <h1>{meeting.title}</h1>
      {p.notice && <Alert variant="success">{p.notice}</Alert>}
      <ErrorSummary m={p.m} errors={p.form.errors} />
      <Facts meeting={meeting} lang={lang} t={t} />
      <h2>{t.agenda}</h2>
      <ol>
        {meeting.agenda.map((item) => (
          <li>{item}</li>
        ))}
      </ol>
      <section aria-labelledby="minutes-heading">
        <h2 id="minutes-heading">{t.minutes}</h2>
        {meeting.minutes ? <MarkdownBody source={meeting.minutes} /> : <p>{t.noMinutes}</p>}
        {detail.mayRecord && (
          <MinutesForm meeting={meeting} form={p.form} csrfToken={p.csrfToken} lang={lang} t={t} />
        )}
      </section>
      <section aria-labelledby="meeting-decisions-heading">
        <h2 id="meeting-decisions-heading">{t.meetingDecisions}</h2>
        {detail.decisions.length === 0 ? (
          <p>{t.noDecisions}</p>
        ) : (
          <DecisionTable
            decisions={detail.decisions}
            caption={t.meetingDecisions}
            withMeeting={false}
            csrfToken={p.csrfToken}
            lang={lang}
            t={t}
          />
        )}
      </section>
      {detail.mayRecord && (
        <DecisionForm
          detail={detail}
          choices={p.choices}
          form={p.form}
          csrfToken={p.csrfToken}
          m={p.m}
          lang={lang}
          t={t}
        />
      )}
      <p>
        <a href={href('coordinationMeetings', lang)}>{t.back}</a>
      </p>
    </>
  );
}
