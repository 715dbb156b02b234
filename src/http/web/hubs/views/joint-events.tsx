import type { JointEventProposal } from '../../../../domain/hubs/joint-events.ts';
import type { Messages } from '../../../i18n/index.ts';
import { formatDateTime } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import {
  Alert,
  EMPTY_FORM,
  ErrorSummary,
  formText,
  type PostedForm,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import { TimeField } from '../../content/fields.tsx';
import type { HubMessages } from '../messages.ts';

type Shared = { lang: Lang; t: HubMessages };

/** The hub's form proposing a joint event to a cluster. */
export function JointEventFormView(
  p: Shared & { form: PostedForm; clusters: { id: string; name: string }[]; csrfToken: string; m: Messages },
) {
  const { form, lang, t } = p;
  const v = (k: string) => formText(form.values[k]);
  return (
    <>
      <h1>{t.proposeTitle}</h1>
      <p class="font-lead">{t.proposeLead}</p>
      <ErrorSummary m={p.m} errors={form.errors} />
      <form method="post" action={href('hubJointEventNew', lang)} novalidate>
        <CsrfField token={p.csrfToken} />
        <SelectField
          name="clusterId"
          label={t.proposalCluster}
          placeholder={t.chooseCluster}
          value={v('clusterId')}
          options={p.clusters.map((c) => ({ value: c.id, label: c.name }))}
          error={form.errors.clusterId}
        />
        <TextField name="title" label={t.proposalTitle} value={v('title')} error={form.errors.title} />
        <TextField name="date" type="date" label={t.date} value={v('date')} error={form.errors.date} />
        <TimeField
          name="startTime"
          label={t.startTime}
          hint={t.timeHint}
          value={v('startTime')}
          error={form.errors.startTime}
        />
        <TimeField
          name="endTime"
          label={t.endTime}
          hint={t.timeHint}
          value={v('endTime')}
          error={form.errors.endTime}
        />
        <TextField
          name="location"
          label={t.proposalPlace}
          value={v('location')}
          error={form.errors.location}
        />
        <TextAreaField
          name="description"
          label={t.description}
          value={v('description')}
          error={form.errors.description}
        />
        <button type="submit" class="button button-primary">
          {t.send}
        </button>
      </form>
    </>
  );
}

function Answer(p: Shared & { proposal: JointEventProposal; form: PostedForm; csrfToken: string }) {
  const { proposal, t, lang } = p;
  const reasonId = `reason-${proposal.id}`;
  return (
    <div class="mt-5">
      <form method="post" action={pageHref('jointEventAccept', lang, { id: proposal.id })}>
        <CsrfField token={p.csrfToken} />
        <button type="submit" class="button button-primary">
          {t.accept}
        </button>
      </form>
      <form method="post" action={pageHref('jointEventDecline', lang, { id: proposal.id })} novalidate>
        <CsrfField token={p.csrfToken} />
        <TextAreaField
          name={reasonId}
          label={t.reasonLabel}
          value={formText(p.form.values[reasonId])}
          error={p.form.errors[reasonId]}
        />
        <button type="submit" class="button button-secondary">
          {t.decline}
        </button>
      </form>
    </div>
  );
}

/** The proposals as a list: what, when, where, between whom, and the answer. */
export function ProposalList(
  p: Shared & { proposals: readonly JointEventProposal[]; form?: PostedForm; csrfToken?: string },
) {
  const { t, lang } = p;
  if (p.proposals.length === 0) return <p>{t.noProposals}</p>;
  return (
    <ul class="nobullet-list">
      {p.proposals.map((j) => (
        <li class="mb-6">
          <h3 class="h4">{j.title}</h3>
          <dl class="summary-list">
            <dt>{t.when}</dt>
            <dd>
              <time datetime={j.startsAt.toISOString()}>{formatDateTime(j.startsAt, lang)}</time>
            </dd>
            <dt>{t.proposalPlace}</dt>
            <dd>{j.location}</dd>
            <dt>{t.hub}</dt>
            <dd>{j.hubName}</dd>
            <dt>{t.proposalCluster}</dt>
            <dd>{j.clusterName}</dd>
            <dt>{t.status}</dt>
            <dd>
              {t.statuses[j.status]}
              {j.declineReason && `: ${j.declineReason}`}
              {j.eventSlug && (
                <>
                  {' '}
                  <a href={pageHref('event', lang, { slug: j.eventSlug })}>{t.seeEvent}</a>
                </>
              )}
            </dd>
          </dl>
          <p>{j.description}</p>
          {j.answerable && p.csrfToken !== undefined && (
            <Answer proposal={j} form={p.form ?? EMPTY_FORM} csrfToken={p.csrfToken} lang={lang} t={t} />
          )}
        </li>
      ))}
    </ul>
  );
}

/** The cluster staff's page of the joint events hubs proposed to them. */
export function JointEventsView(
  p: Shared & {
    proposals: readonly JointEventProposal[];
    form: PostedForm;
    notice: { variant: 'success' | 'warning'; text: string } | null;
    csrfToken: string;
    m: Messages;
  },
) {
  const { t } = p;
  return (
    <>
      <h1>{t.proposalsTitle}</h1>
      <p class="font-lead">{t.proposalsLead}</p>
      {p.notice && <Alert variant={p.notice.variant}>{p.notice.text}</Alert>}
      <ErrorSummary m={p.m} errors={p.form.errors} />
      <ProposalList {...p} />
    </>
  );
}
