import type { Child } from 'hono/jsx';
import { TextField } from '../../views/forms.tsx';
import type { ContentMessages } from './messages.ts';

/**
 * Form fields the shared forms.tsx does not have (multi-line text, time of day), in the same
 * DKFDS markup: label, hint, error message, and aria-describedby pointing at hint and error.
 */
interface FieldProps {
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  value?: string | undefined;
}

const describedBy = (p: FieldProps) =>
  [p.hint && `${p.name}-hint`, p.error && `${p.name}-error`].filter(Boolean).join(' ') || undefined;

function Shell({ p, children }: { p: FieldProps; children: Child }) {
  return (
    <div class={p.error ? 'form-group form-error' : 'form-group'}>
      <label class="form-label" for={p.name}>
        {p.label}
      </label>
      {p.hint && (
        <span class="form-hint" id={`${p.name}-hint`}>
          {p.hint}
        </span>
      )}
      {p.error && (
        <span class="form-error-message" id={`${p.name}-error`}>
          {p.error}
        </span>
      )}
      {children}
    </div>
  );
}

export function TextAreaField(p: FieldProps & { rows?: number }) {
  return (
    <Shell p={p}>
      <textarea
        class="form-input content-textarea"
        id={p.name}
        name={p.name}
        rows={p.rows ?? 4}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(p)}
      >
        {p.value ?? ''}
      </textarea>
    </Shell>
  );
}

export function TimeField(p: FieldProps) {
  return (
    <Shell p={p}>
      <input
        class="form-input input-width-xs"
        id={p.name}
        name={p.name}
        type="time"
        value={p.value}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(p)}
      />
    </Shell>
  );
}

/** A Danish date and time entered as two fields under one legend, e.g. startDate + startTime. */
export function DateTimeFields({
  t,
  legend,
  prefix,
  values,
  errors,
  hint,
}: {
  t: ContentMessages;
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
        <TextField name={date} type="date" label={t.form.date} value={values[date]} error={errors[date]} />
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
