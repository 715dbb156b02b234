import type { Messages } from '../../../i18n/index.ts';
import { href, type Lang } from '../../../paths.ts';
import {
  Checkboxes,
  DateInput,
  datePartsOf,
  ErrorSummary,
  formList,
  formText,
  type PostedForm,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import type { MeetingMessages } from '../meeting-messages.ts';

type Choice = { value: string; label: string };

/** The form a funder convenes a coordination meeting with. */
export function MeetingFormView(p: {
  form: PostedForm;
  choices: { funders: Choice[]; calls: Choice[]; fundingPlans: Choice[] };
  csrfToken: string;
  m: Messages;
  lang: Lang;
  t: MeetingMessages;
}) {
  const { form, t } = p;
  const v = (k: string) => formText(form.values[k]);
  return (
    <>
      <h1>{t.formTitle}</h1>
      <p class="font-lead">{t.formLead}</p>
      <ErrorSummary m={p.m} errors={form.errors} />
      <form method="post" action={href('coordinationMeetingNew', p.lang)} novalidate>
        <CsrfField token={p.csrfToken} />
        <TextField
          name="title"
          label={t.titleLabel}
          hint={t.titleHint}
          value={v('title')}
          error={form.errors.title}
        />
        <SelectField
          name="kind"
          label={t.kind}
          value={v('kind')}
          options={(['before_call', 'follow_up'] as const).map((k) => ({ value: k, label: t.kinds[k] }))}
          error={form.errors.kind}
        />
        <DateInput
          name="heldOn"
          legend={t.heldOn}
          hint={t.dateHint}
          m={p.m}
          value={datePartsOf(
            Object.fromEntries(Object.entries(form.values).map(([k, x]) => [k, formText(x)])),
            'heldOn',
          )}
          error={form.errors.heldOn}
        />
        <Checkboxes
          name="participantIds"
          legend={t.participants}
          hint={t.participantsHint}
          options={p.choices.funders}
          checked={formList(form.values.participantIds)}
          error={form.errors.participantIds}
        />
        <TextAreaField
          rows={6}
          name="agenda"
          label={t.agenda}
          hint={t.agendaHint}
          value={v('agenda')}
          error={form.errors.agenda}
        />
        <SelectField
          name="callId"
          label={t.call}
          hint={t.linkHint}
          value={v('callId')}
          placeholder={t.noChoice}
          options={p.choices.calls}
          error={form.errors.callId}
        />
        <SelectField
          name="fundingPlanId"
          label={t.fundingPlan}
          hint={t.linkHint}
          value={v('fundingPlanId')}
          placeholder={t.noChoice}
          options={p.choices.fundingPlans}
          error={form.errors.fundingPlanId}
        />
        <button type="submit" class="button button-primary">
          {t.submit}
        </button>
      </form>
    </>
  );
}
