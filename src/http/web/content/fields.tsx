import type { Messages } from '../../i18n/index.ts';
import { DateInput, datePartsOf, describedBy, type FieldProps, FieldShell } from '../../views/forms.tsx';
import type { ContentMessages } from './messages.ts';

/** A time-of-day field (the shared forms.tsx has none), in the same DKFDS markup. */
export function TimeField(p: FieldProps & { value?: string | undefined }) {
  return (
    <FieldShell {...p}>
      <input
        class="form-input input-width-xs"
        id={p.name}
        name={p.name}
        type="time"
        value={p.value}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(p)}
      />
    </FieldShell>
  );
}

/**
 * A Danish date and time under one legend: DKFDS's date input (`<prefix>Date` as day, month and
 * year) and a time-of-day field (`<prefix>Time`), e.g. startDate + startTime.
 */
export function DateTimeFields({
  t,
  m,
  legend,
  prefix,
  values,
  errors,
  hint,
}: {
  t: ContentMessages;
  m: Messages;
  legend: string;
  prefix: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  hint?: string;
}) {
  const date = `${prefix}Date`;
  const time = `${prefix}Time`;
  return (
    <fieldset class="content-datetime">
      <legend class="form-label">{legend}</legend>
      {hint && <p class="form-hint">{hint}</p>}
      <div class="content-datetime-fields">
        <DateInput
          name={date}
          legend={t.form.date}
          m={m}
          value={datePartsOf(values, date)}
          error={errors[date]}
        />
        <TimeField
          name={time}
          label={t.form.time}
          hint={t.form.timeHint}
          value={values[time]}
          error={errors[time]}
        />
      </div>
    </fieldset>
  );
}
