import type { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { isAssessorOf } from '../../../domain/calls/queries.ts';
import { CALL_TRANSITIONS, type CallStatus } from '../../../domain/calls/workflow.ts';
import { createCall, updateCall } from '../../../domain/content/commands.ts';
import { callOwnerOrganisations, canManageCallsFor } from '../../../domain/content/policy.ts';
import {
  type CallDetail,
  type CallPhase,
  type CallSummary,
  callOrganisations,
  callPhase,
  draftCalls,
  findCall,
  listPublicCalls,
} from '../../../domain/content/queries.ts';
import { callFilter, callForm } from '../../../domain/content/schemas.ts';
import { instantToDanishTime } from '../../../domain/content/time.ts';
import { AppError, notFound } from '../../../domain/errors.ts';
import { can } from '../../../domain/policy/policy.ts';
import { signedInUser } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href, type Lang, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { type FieldErrors, SelectField, TextAreaField, TextField } from '../../views/forms.tsx';
import {
  ContentArticle,
  ContentList,
  ContentListItem,
  EditorActions,
  Facts,
  FilterForm,
  ListPage,
  organisationFilterOptions,
  Pagination,
} from '../content/components.tsx';
import {
  BodyField,
  type FormValues,
  OrganisationField,
  renderEditorPage,
  saveFromForm,
} from '../content/editing.tsx';
import { DateTimeFields } from '../content/fields.tsx';
import { formatDayAndTime, Time } from '../content/format.tsx';
import { type ContentMessages, contentMessages } from '../content/messages.ts';
import { onPage } from '../routes.ts';
import { callFlowMessages } from './messages.ts';

/** Calls have no language column; funders write them in Danish. */
const CALL_LANG = 'da';

const callHref = (lang: Lang, slug: string) => pageHref('call', lang, { slug });

const PHASE_BADGE: Record<CallPhase, string> = {
  draft: 'badge badge-warning',
  upcoming: 'badge badge-info',
  open: 'badge badge-success',
  closed: 'badge',
  assessed: 'badge',
  decided: 'badge',
};

function PhaseBadge({ t, phase }: { t: ContentMessages; phase: CallPhase }) {
  return <span class={`${PHASE_BADGE[phase]} content-phase`}>{t.calls.phases[phase]}</span>;
}

/** "1. marts 2027 kl. 12.00 (dansk tid)" */
function DanishTime({ t, at, lang }: { t: ContentMessages; at: Date; lang: Lang }) {
  return <Time at={at} text={`${formatDayAndTime(at, lang)} (${t.calls.danishTime})`} />;
}

function CallItem({ call, t, lang, now }: { call: CallSummary; t: ContentMessages; lang: Lang; now: Date }) {
  return (
    <ContentListItem
      href={callHref(lang, call.slug)}
      title={call.title}
      itemLang={CALL_LANG}
      pageLang={lang}
      summary={call.summary}
      headingLevel={3}
      badge={<PhaseBadge t={t} phase={callPhase(call, now)} />}
      meta={
        <>
          {call.organisationName} · {t.calls.deadline}: <DanishTime t={t} at={call.deadline} lang={lang} />
        </>
      }
    />
  );
}

function CallSection({
  id,
  title,
  calls,
  children,
}: {
  id: string;
  title: string;
  calls: unknown[];
  children: Child;
}) {
  if (calls.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ContentList>{children}</ContentList>
    </section>
  );
}

async function listPage(c: AppContext) {
  const { db, clock } = c.get('deps');
  const now = clock();
  const filter = callFilter.parse(c.req.query());
  const owned = callOwnerOrganisations(c.get('user')).map((m) => m.organisationId);
  const [list, organisations, drafts] = await Promise.all([
    listPublicCalls(db, filter, now),
    callOrganisations(db),
    draftCalls(db, owned),
  ]);
  const t = contentMessages(c.get('lang'));
  const open = list.items.filter((call) => call.open);
  const closed = list.items.filter((call) => !call.open);
  return renderPage(c, t.calls.title, ({ lang }) => (
    <ListPage
      t={t}
      title={t.calls.title}
      lead={t.calls.lead}
      total={list.total}
      actions={
        <EditorActions
          t={t}
          create={owned.length > 0 ? { href: href('callsNew', lang), label: t.calls.create } : undefined}
          drafts={drafts.map((d) => ({ href: callHref(lang, d.slug), title: d.title, lang: CALL_LANG }))}
        />
      }
      filters={
        <FilterForm t={t} action={href('calls', lang)}>
          <SelectField
            name="organisation"
            label={t.calls.owner}
            placeholder={t.common.allOrganisations}
            value={filter.organisation}
            options={organisationFilterOptions(organisations)}
          />
        </FilterForm>
      }
      pagination={
        <Pagination
          t={t}
          page={list.page}
          pages={list.pages}
          link={(page) => href('calls', lang, { organisation: filter.organisation, page: String(page) })}
        />
      }
    >
      <CallSection id="open-calls" title={t.calls.open} calls={open}>
        {open.map((call) => (
          <CallItem call={call} t={t} lang={lang} now={now} />
        ))}
      </CallSection>
      <CallSection id="closed-calls" title={t.calls.closed} calls={closed}>
        {closed.map((call) => (
          <CallItem call={call} t={t} lang={lang} now={now} />
        ))}
      </CallSection>
    </ListPage>
  ));
}

async function itemPage(c: AppContext) {
  const { db, clock } = c.get('deps');
  const now = clock();
  const call = await findCall(db, c.req.param('slug') ?? '');
  const editor = call !== null && canManageCallsFor(c.get('user'), call.organisationId);
  if (!call || (call.status === 'draft' && !editor)) throw notFound('call');
  const t = contentMessages(c.get('lang'));
  const flow = callFlowMessages(c.get('lang'));
  const phase = callPhase(call, now);
  // Links to the processing pages, only for those the policy lets see them.
  const user = c.get('user');
  const assessor =
    !!user && can(user, 'applications.assess') && (await isAssessorOf(db, call.id, user.userId));
  return renderPage(c, call.title, ({ lang }) => (
    <ContentArticle
      t={t}
      title={call.title}
      itemLang={CALL_LANG}
      pageLang={lang}
      summary={call.summary}
      body={call.body}
      draft={call.status === 'draft'}
      saved={c.req.query('saved') === '1'}
      editHref={editor ? pageHref('callEdit', lang, { slug: call.slug }) : undefined}
      children={
        editor || assessor ? (
          <nav aria-label={flow.processingLinks}>
            <ul class="nobullet-list">
              {editor && (
                <li>
                  <a href={pageHref('callProcess', lang, { slug: call.slug })}>{flow.process}</a>
                </li>
              )}
              {editor && (
                <li>
                  <a href={pageHref('callSetup', lang, { slug: call.slug })}>{flow.setup}</a>
                </li>
              )}
              {assessor && (
                <li>
                  <a href={href('myAssessments', lang)}>{flow.myAssessments}</a>
                </li>
              )}
            </ul>
          </nav>
        ) : undefined
      }
      facts={
        <Facts
          items={[
            [t.calls.owner, call.organisationName],
            [t.calls.status, <PhaseBadge t={t} phase={phase} />],
            ...(call.opensAt
              ? [[t.calls.opens, <DanishTime t={t} at={call.opensAt} lang={lang} />] as [string, Child]]
              : []),
            [t.calls.deadline, <DanishTime t={t} at={call.deadline} lang={lang} />],
          ]}
        />
      }
    />
  ));
}

async function callFormPage(
  c: AppContext,
  opts: { call?: CallDetail; values: FormValues; errors: FieldErrors; status: 200 | 409 | 422 },
) {
  const user = signedInUser(c);
  const lang = c.get('lang');
  const t = contentMessages(lang);
  const { call, values, errors } = opts;
  return renderEditorPage(c, {
    title: call ? t.calls.editTitle : t.calls.createTitle,
    action: call ? pageHref('callEdit', lang, { slug: call.slug }) : href('callsNew', lang),
    cancelHref: call ? callHref(lang, call.slug) : href('calls', lang),
    errors,
    status: opts.status,
    fields: (
      <>
        <OrganisationField
          t={t}
          label={t.calls.owner}
          options={callOwnerOrganisations(user)}
          values={values}
          errors={errors}
        />
        <TextField name="title" label={t.form.title} value={values.title} error={errors.title} />
        <TextAreaField
          className="content-textarea"
          name="summary"
          label={t.form.summary}
          hint={t.form.summaryHint}
          value={values.summary}
          error={errors.summary}
          rows={3}
        />
        <SelectField
          name="status"
          label={t.calls.status}
          hint={t.calls.statusHint}
          value={values.status ?? 'draft'}
          error={errors.status}
          options={statusChoices(call?.status ?? 'draft').map((s) => ({
            value: s,
            label: t.calls.statuses[s],
          }))}
        />
        <DateTimeFields
          t={t}
          legend={t.calls.opens}
          hint={t.calls.opensHint}
          prefix="opens"
          values={values}
          errors={errors}
        />
        <DateTimeFields t={t} legend={t.calls.deadline} prefix="deadline" values={values} errors={errors} />
        <BodyField t={t} values={values} errors={errors} />
      </>
    ),
    buttons: (
      <button type="submit" class="button button-primary">
        {t.form.save}
      </button>
    ),
  });
}

/** The current status and the steps the one transition table allows from it; nothing else. */
function statusChoices(current: CallStatus): CallStatus[] {
  return [current, ...CALL_TRANSITIONS[current]];
}

function formValuesOf(call: CallDetail): FormValues {
  const deadline = instantToDanishTime(call.deadline);
  const opens = call.opensAt ? instantToDanishTime(call.opensAt) : { date: '', time: '' };
  return {
    organisationId: call.organisationId,
    title: call.title,
    summary: call.summary,
    body: call.body,
    status: call.status,
    opensDate: opens.date,
    opensTime: opens.time,
    deadlineDate: deadline.date,
    deadlineTime: deadline.time,
  };
}

async function editableCall(c: AppContext): Promise<CallDetail> {
  const user = signedInUser(c);
  const call = await findCall(c.get('deps').db, c.req.param('slug') ?? '');
  if (!call) throw notFound('call');
  if (!canManageCallsFor(user, call.organisationId))
    throw new AppError('forbidden', 'Not allowed: edit call');
  return call;
}

export function registerCallPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'callsNew', (c) => {
    const first = callOwnerOrganisations(signedInUser(c))[0];
    if (!first) throw new AppError('forbidden', 'Not allowed: calls.manage');
    return callFormPage(c, { values: { organisationId: first.organisationId }, errors: {}, status: 200 });
  });
  onPage(app, 'POST', 'callsNew', (c) =>
    saveFromForm(c, {
      schema: callForm,
      save: (input, editor, now) => createCall(c.get('deps').db, editor, input, now),
      render: (values, errors, status) => callFormPage(c, { values, errors, status }),
      itemHref: (slug) => callHref(c.get('lang'), slug),
    }),
  );
  onPage(app, 'GET', 'calls', listPage);
  onPage(app, 'GET', 'call', itemPage);
  onPage(app, 'GET', 'callEdit', async (c) => {
    const call = await editableCall(c);
    return callFormPage(c, { call, values: formValuesOf(call), errors: {}, status: 200 });
  });
  onPage(app, 'POST', 'callEdit', async (c) => {
    const call = await editableCall(c);
    return saveFromForm(c, {
      schema: callForm,
      save: (input, editor, now) => updateCall(c.get('deps').db, editor, call.slug, input, now),
      render: (values, errors, status) => callFormPage(c, { call, values, errors, status }),
      itemHref: (slug) => callHref(c.get('lang'), slug),
    });
  });
}
