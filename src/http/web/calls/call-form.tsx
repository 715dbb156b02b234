import type { Hono } from 'hono';
import { callToEdit, createCall, newCallOwners, updateCall } from '../../../domain/calls/calls.ts';
import type { CallDetail } from '../../../domain/calls/listing.ts';
import { callOwnerOrganisations } from '../../../domain/calls/policy.ts';
import { callForm, LATER_PHASES } from '../../../domain/calls/schemas.ts';
import type { CallTimelinePhase } from '../../../domain/calls/timeline.ts';
import { CALL_TRANSITIONS, type CallStatus } from '../../../domain/calls/workflow.ts';
import { instantToDanishTime } from '../../../domain/content/time.ts';
import { callerOf, signedInUser } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href, pageHref } from '../../paths.ts';
import type { FieldErrors } from '../../views/forms.tsx';
import { DateInput, datePartsOf, SelectField, TextAreaField, TextField } from '../../views/forms.tsx';
import {
  BodyField,
  type FormValues,
  OrganisationField,
  renderEditorPage,
  saveFromForm,
} from '../content/editing.tsx';
import { DateTimeFields } from '../content/fields.tsx';
import { contentMessages } from '../content/messages.ts';
import { onPage } from '../routes.ts';
import { callHref } from './call-pages.tsx';
import { callPageMessages } from './messages.ts';

/** Creating and editing a call: its owner, texts, dates and status, in the publishing editor. */

async function callFormPage(
  c: AppContext,
  opts: { call?: CallDetail; values: FormValues; errors: FieldErrors; status: 200 | 409 | 422 },
) {
  const user = signedInUser(c);
  const lang = c.get('lang');
  const t = contentMessages(lang);
  const tc = callPageMessages(lang);
  const { call, values, errors } = opts;
  return renderEditorPage(c, {
    title: call ? tc.editTitle : tc.createTitle,
    action: call ? pageHref('callEdit', lang, { slug: call.slug }) : href('callsNew', lang),
    cancelHref: call ? callHref(lang, call.slug) : href('calls', lang),
    errors,
    status: opts.status,
    fields: (
      <>
        <OrganisationField
          t={t}
          label={tc.owner}
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
          label={tc.status}
          hint={tc.statusHint}
          value={values.status ?? 'draft'}
          error={errors.status}
          options={statusChoices(call?.status ?? 'draft').map((s) => ({
            value: s,
            label: tc.statuses[s],
          }))}
        />
        <DateTimeFields
          t={t}
          m={c.get('m')}
          legend={tc.opens}
          hint={tc.opensHint}
          prefix="opens"
          values={values}
          errors={errors}
        />
        <DateTimeFields
          t={t}
          m={c.get('m')}
          legend={tc.deadline}
          prefix="deadline"
          values={values}
          errors={errors}
        />
        <fieldset>
          <legend class="form-label">{tc.timeline}</legend>
          <p class="form-hint">{tc.timelineHint}</p>
          {LATER_PHASES.map((name) => (
            <DateInput
              name={name}
              legend={tc.timelinePhases[PHASE_OF_FIELD[name]]}
              m={c.get('m')}
              value={datePartsOf(values, name)}
              error={errors[name]}
            />
          ))}
        </fieldset>
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
    assessmentDeadline: call.assessmentDeadline ?? '',
    decisionDate: call.decisionDate ?? '',
    grantsStartOn: call.grantsStartOn ?? '',
  };
}

/** Each later phase's form field and its name on the timeline. */
const PHASE_OF_FIELD = {
  assessmentDeadline: 'assessment',
  decisionDate: 'decision',
  grantsStartOn: 'grantsStart',
} as const satisfies Record<(typeof LATER_PHASES)[number], CallTimelinePhase>;

/** The call's own fields, for errors naming them. */
function callFormLabels(c: AppContext) {
  const t = contentMessages(c.get('lang'));
  const tc = callPageMessages(c.get('lang'));
  return {
    status: tc.status,
    opensDate: `${tc.opens}: ${t.form.date}`,
    opensTime: `${tc.opens}: ${t.form.time}`,
    deadlineDate: `${tc.deadline}: ${t.form.date}`,
    deadlineTime: `${tc.deadline}: ${t.form.time}`,
    ...Object.fromEntries(LATER_PHASES.map((name) => [name, tc.timelinePhases[PHASE_OF_FIELD[name]]])),
  };
}

const editableCall = (c: AppContext) => callToEdit(c.get('deps').db, callerOf(c), c.req.param('slug') ?? '');

export function registerCallFormPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'callsNew', (c) => {
    const [first] = newCallOwners(signedInUser(c));
    return callFormPage(c, {
      values: { organisationId: first?.organisationId ?? '' },
      errors: {},
      status: 200,
    });
  });
  onPage(app, 'POST', 'callsNew', (c) =>
    saveFromForm(c, {
      schema: callForm,
      save: (input, editor, now) => createCall(c.get('deps').db, editor, input, now),
      render: (values, errors, status) => callFormPage(c, { values, errors, status }),
      itemHref: (slug) => callHref(c.get('lang'), slug),
      labels: callFormLabels(c),
    }),
  );
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
      labels: callFormLabels(c),
    });
  });
}
