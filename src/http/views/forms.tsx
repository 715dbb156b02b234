import type { Child } from 'hono/jsx';
import { type DateParts, partsOfIsoDate } from '../../domain/reference/danish.ts';
import type { Messages } from '../i18n/index.ts';
import { Icon } from './icons.tsx';

/** Field errors keyed by field name, as texts already in the user's language. */
export type FieldErrors = Record<string, string>;

export function ErrorSummary({ m, errors }: { m: Messages; errors: FieldErrors }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="alert alert-error" role="alert" aria-labelledby="error-summary-heading">
      <Icon name="error" className="alert-icon" />
      <div class="alert-body">
        <h2 id="error-summary-heading" class="alert-heading">
          {m.validation.summary}
        </h2>
        <ul class="alert-text nobullet-list">
          {entries.map(([field, message]) => (
            <li>
              <a href={`#${field}`} class="function-link">
                {message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/**
 * Said once at the top of a form whose fields are all required except those marked with
 * `optionalLabel` (GOV.UK's and DKFDS's pattern); which are optional follows the form's schema.
 */
export function RequiredFieldsNote({ m }: { m: Messages }) {
  return <p>{m.requiredFields.note}</p>;
}

/** The label of a field the form's schema lets be empty: "Telefon (valgfri)". */
export const optionalLabel = (m: Messages, label: string) => m.requiredFields.optional(label);

/** A form's zod object schema, as far as marking its fields needs it. */
type FormSchema = { shape: Record<string, { safeParse(value: unknown): { success: boolean } }> };

/**
 * Whether the form's schema takes this field empty, as a browser posts it (an empty text, or no
 * value for unticked boxes). Rules across fields aside: their hints say when such a field is needed.
 */
export function acceptsEmpty(schema: FormSchema, name: string): boolean {
  const field = schema.shape[name];
  if (!field) throw new Error(`the form's schema has no field ${name}`);
  return field.safeParse('').success || field.safeParse(undefined).success;
}

/** A field's label, marked "(valgfri)" when the form's schema takes the field empty. */
export const schemaLabel = (m: Messages, schema: FormSchema, name: string, label: string) =>
  acceptsEmpty(schema, name) ? optionalLabel(m, label) : label;

export function Alert({
  variant,
  children,
  heading,
}: {
  variant: 'info' | 'success' | 'warning' | 'error';
  heading?: string;
  children: Child;
}) {
  return (
    <div
      class={`alert alert-${variant}`}
      role={variant === 'error' || variant === 'warning' ? 'alert' : 'status'}
    >
      <Icon name={variant} className="alert-icon" />
      <div class="alert-body">
        {heading && <h2 class="alert-heading">{heading}</h2>}
        <p class="alert-text">{children}</p>
      </div>
    </div>
  );
}

export interface FieldProps {
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
}

export function FieldShell({ name, label, error, hint, children }: FieldProps & { children: Child }) {
  return (
    <div class={error ? 'form-group form-error' : 'form-group'}>
      <label class="form-label" for={name}>
        {label}
      </label>
      {hint && (
        <span class="form-hint" id={`${name}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span class="form-error-message" id={`${name}-error`}>
          {error}
        </span>
      )}
      {children}
    </div>
  );
}

export const describedBy = (p: FieldProps) =>
  [p.hint && `${p.name}-hint`, p.error && `${p.name}-error`].filter(Boolean).join(' ') || undefined;

export function TextField(
  p: FieldProps & {
    type?: 'text' | 'email' | 'password' | 'date' | 'search';
    value?: string | undefined;
    autocomplete?: string;
    required?: boolean;
  },
) {
  return (
    <FieldShell {...p}>
      <input
        class="form-input"
        id={p.name}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.type === 'password' ? undefined : p.value}
        autocomplete={p.autocomplete}
        required={p.required}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(p)}
      />
    </FieldShell>
  );
}

/** A multi-line text field; `className` adds to DKFDS's form-input (e.g. a taller box). */
export function TextAreaField(
  p: FieldProps & { value?: string | undefined; rows?: number; className?: string },
) {
  return (
    <FieldShell {...p}>
      <textarea
        class={p.className ? `form-input ${p.className}` : 'form-input'}
        id={p.name}
        name={p.name}
        rows={p.rows ?? 4}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(p)}
      >
        {p.value ?? ''}
      </textarea>
    </FieldShell>
  );
}

export function SelectField(
  p: FieldProps & {
    options: { value: string; label: string }[];
    value?: string | undefined;
    placeholder?: string;
  },
) {
  return (
    <FieldShell {...p}>
      <select
        class="form-select"
        id={p.name}
        name={p.name}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(p)}
      >
        {p.placeholder !== undefined && <option value="">{p.placeholder}</option>}
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A form as typed: values (a list for repeated fields) and the errors to show beside them. */
export type PostedForm = { values: Record<string, string | string[]>; errors: FieldErrors };
export const EMPTY_FORM: PostedForm = { values: {}, errors: {} };

export const formText = (v: unknown) => (typeof v === 'string' ? v : '');
export const formList = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(formText) : typeof v === 'string' ? [v] : [];

/** A group of checkboxes with one legend, for a field that takes a list. */
export function Checkboxes(p: {
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
  checked: string[];
  error?: string | undefined;
}) {
  return (
    <fieldset class={p.error ? 'form-group form-error' : 'form-group'} id={p.name}>
      <legend class="form-label">{p.legend}</legend>
      {p.hint && <span class="form-hint">{p.hint}</span>}
      {p.error && <span class="form-error-message">{p.error}</span>}
      {p.options.map((o) => (
        <div class="form-group-checkbox">
          <input
            class="form-checkbox"
            type="checkbox"
            id={`${p.name}-${o.value}`}
            name={p.name}
            value={o.value}
            checked={p.checked.includes(o.value)}
          />
          <label for={`${p.name}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/**
 * The date of a form field as its three inputs show it: what was typed into `<name>Day`,
 * `<name>Month` and `<name>Year`, else the stored date in `<name>` ('YYYY-MM-DD').
 */
export function datePartsOf(values: Readonly<Record<string, string | undefined>>, name: string): DateParts {
  const typed = [`${name}Day`, `${name}Month`, `${name}Year`].some((k) => values[k] !== undefined);
  if (!typed) return partsOfIsoDate(values[name]);
  return {
    day: values[`${name}Day`] ?? '',
    month: values[`${name}Month`] ?? '',
    year: values[`${name}Year`] ?? '',
  };
}

/**
 * DKFDS's date input: day, month and year in three fields under one legend, read back by
 * withDateFields (src/http/validation.ts). The error summary links to the day field (`<name>`).
 */
export function DateInput(p: {
  name: string;
  legend: string;
  m: Messages;
  value: DateParts;
  error?: string | undefined;
  hint?: string | undefined;
}) {
  const hintId = `${p.name}-hint`;
  const errorId = `${p.name}-error`;
  const describedBy = [hintId, p.error && errorId].filter(Boolean).join(' ');
  const part = (key: 'day' | 'month' | 'year', label: string, width: 'xs' | 's', max: number) => {
    const id = key === 'day' ? p.name : `${p.name}${key.charAt(0).toUpperCase()}${key.slice(1)}`;
    return (
      <div class={`form-group form-group-${key}`}>
        <label class="form-label" for={id}>
          {label}
        </label>
        <input
          class={`form-input input-width-${width}`}
          id={id}
          name={`${p.name}${key.charAt(0).toUpperCase()}${key.slice(1)}`}
          type="text"
          inputmode="numeric"
          maxlength={max}
          value={p.value[key]}
          aria-invalid={p.error ? 'true' : undefined}
        />
      </div>
    );
  };
  return (
    <div class={p.error ? 'form-group form-error' : 'form-group'}>
      <fieldset aria-describedby={describedBy}>
        <legend class="form-label">{p.legend}</legend>
        <span class="form-hint" id={hintId}>
          {p.hint ?? p.m.dateInput.hint}
        </span>
        {p.error && (
          <span class="form-error-message" id={errorId}>
            {p.error}
          </span>
        )}
        <div class="date-group">
          {part('day', p.m.dateInput.day, 'xs', 2)}
          {part('month', p.m.dateInput.month, 'xs', 2)}
          {part('year', p.m.dateInput.year, 's', 4)}
        </div>
      </fieldset>
    </div>
  );
}
