import type { Child } from 'hono/jsx';
import type { Messages } from '../../../i18n/index.ts';
import { type Lang, pageHref } from '../../../paths.ts';
import { ErrorSummary, type FieldErrors } from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import type { CallFlowMessages } from '../messages.ts';

/** The set-up form of a call, as typed: every field a string, rows as many as the user has. */
export interface SetupValues {
  titleEn: string;
  summaryEn: string;
  firstYear: string;
  lastYear: string;
  budgets: { funder: string; year: string; amount: string }[];
  requirements: { da: string; en: string; evDa: string; evEn: string; services: boolean }[];
  criteria: { da: string; en: string; weight: string; scale: string }[];
  assessorIds: string[];
  /** The funder that selects in the joint decision chain; empty: the owner decides alone. */
  decider: string;
}

export const EMPTY_BUDGET = { funder: '', year: '', amount: '' };
export const EMPTY_REQUIREMENT = { da: '', en: '', evDa: '', evEn: '', services: false };
export const EMPTY_CRITERION = { da: '', en: '', weight: '', scale: '5' };

/** An empty set-up starts with one row of each; "add" gives more. */
const rowsOr = <T,>(rows: T[], empty: T): T[] => (rows.length > 0 ? rows : [empty]);

function Input({
  id,
  label,
  value,
  error,
}: {
  id: string;
  label: string;
  value: string | number | undefined;
  error?: string | undefined;
}) {
  return (
    <div class={error ? 'form-group form-error' : 'form-group'}>
      <label class="form-label" for={id}>
        {label}
      </label>
      {error && (
        <span class="form-error-message" id={`${id}-error`}>
          {error}
        </span>
      )}
      <input
        class="form-input"
        type="text"
        id={id}
        name={id}
        value={value === undefined ? '' : String(value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
    </div>
  );
}

function Remove({ op, label }: { op: string; label: string }) {
  return (
    <button type="submit" name="op" value={op} class="button button-tertiary">
      {label}
    </button>
  );
}

function Add({ op, label }: { op: string; label: string }) {
  return (
    <button type="submit" name="op" value={op} class="button button-secondary">
      {label}
    </button>
  );
}

type Rows = { t: CallFlowMessages; values: SetupValues; errors: FieldErrors };

/** One row per funder and year: which funder, which year, how much. */
function BudgetRows({ t, values, errors, funders }: Rows & { funders: { id: string; name: string }[] }) {
  return (
    <fieldset>
      <legend class="h2">{t.budgets}</legend>
      {rowsOr(values.budgets, EMPTY_BUDGET).map((b, i) => {
        const error = errors[`b${i}Funder`];
        return (
          <div class="row">
            <div class={error ? 'form-group form-error col-4' : 'form-group col-4'}>
              <label class="form-label" for={`b${i}Funder`}>
                {t.funder} {i + 1}
              </label>
              {error && (
                <span class="form-error-message" id={`b${i}Funder-error`}>
                  {error}
                </span>
              )}
              <select
                class="form-select"
                id={`b${i}Funder`}
                name={`b${i}Funder`}
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={error ? `b${i}Funder-error` : undefined}
              >
                <option value="">-</option>
                {funders.map((f) => (
                  <option value={f.id} selected={b.funder === f.id}>
                    {f.name}
                  </option>
                ))}
              </select>
            </div>
            <div class="col-3">
              <Input
                id={`b${i}Year`}
                label={`${t.year} ${i + 1}`}
                value={b.year}
                error={errors[`b${i}Year`]}
              />
            </div>
            <div class="col-4">
              <Input
                id={`b${i}Amount`}
                label={`${t.amount} ${i + 1}`}
                value={b.amount}
                error={errors[`b${i}Amount`]}
              />
            </div>
            <div class="col-12">
              <Remove op={`remove-budget-${i}`} label={t.removeBudget(i + 1)} />
            </div>
          </div>
        );
      })}
      <Add op="add-budget" label={t.addBudget} />
    </fieldset>
  );
}

function RequirementRows({ t, values, errors }: Rows) {
  return (
    <fieldset>
      <legend class="h2">{t.requirements}</legend>
      {rowsOr(values.requirements, EMPTY_REQUIREMENT).map((r, i) => (
        <fieldset>
          <legend class="h3">{t.requirement(i + 1)}</legend>
          <Input id={`r${i}Da`} label={t.textDa} value={r.da} error={errors[`r${i}Da`]} />
          <Input id={`r${i}En`} label={t.textEn} value={r.en} error={errors[`r${i}En`]} />
          <Input id={`r${i}EvDa`} label={t.evidenceDa} value={r.evDa} error={errors[`r${i}EvDa`]} />
          <Input id={`r${i}EvEn`} label={t.evidenceEn} value={r.evEn} error={errors[`r${i}EvEn`]} />
          <div class="form-group">
            <div class="form-group-checkbox">
              <input
                class="form-checkbox"
                type="checkbox"
                id={`r${i}Services`}
                name={`r${i}Services`}
                checked={r.services}
              />
              <label for={`r${i}Services`}>{t.servicesListing}</label>
            </div>
          </div>
          <Remove op={`remove-requirement-${i}`} label={t.removeRequirement(i + 1)} />
        </fieldset>
      ))}
      <Add op="add-requirement" label={t.addRequirement} />
    </fieldset>
  );
}

function CriterionRows({ t, values, errors }: Rows) {
  return (
    <fieldset>
      <legend class="h2">{t.criteria}</legend>
      {rowsOr(values.criteria, EMPTY_CRITERION).map((k, i) => (
        <fieldset>
          <legend class="h3">{t.criterion(i + 1)}</legend>
          <Input id={`k${i}Da`} label={t.textDa} value={k.da} error={errors[`k${i}Da`]} />
          <Input id={`k${i}En`} label={t.textEn} value={k.en} error={errors[`k${i}En`]} />
          <Input id={`k${i}Weight`} label={t.weight} value={k.weight} error={errors[`k${i}Weight`]} />
          <Input id={`k${i}Scale`} label={t.scaleMax} value={k.scale} error={errors[`k${i}Scale`]} />
          <Remove op={`remove-criterion-${i}`} label={t.removeCriterion(i + 1)} />
        </fieldset>
      ))}
      <Add op="add-criterion" label={t.addCriterion} />
    </fieldset>
  );
}

/** Whether the call follows the joint decision chain, and which of its funders then selects. */
function DeciderChoice({ t, values, errors, funders }: Rows & { funders: { id: string; name: string }[] }) {
  const error = errors.decider;
  return (
    <div class={error ? 'form-group form-error' : 'form-group'}>
      <label class="form-label" for="decider">
        {t.decider}
      </label>
      <span class="form-hint" id="decider-hint">
        {t.deciderHint}
      </span>
      {error && (
        <span class="form-error-message" id="decider-error">
          {error}
        </span>
      )}
      <select
        class="form-select"
        id="decider"
        name="decider"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'decider-hint decider-error' : 'decider-hint'}
      >
        <option value="">{t.deciderNone}</option>
        {funders.map((f) => (
          <option value={f.id} selected={values.decider === f.id}>
            {f.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function AssessorChoices({
  t,
  values,
  assessors,
}: Omit<Rows, 'errors'> & { assessors: { id: string; name: string }[] }) {
  return (
    <fieldset>
      <legend class="h2">{t.assessors}</legend>
      {assessors.map((a) => (
        <div class="form-group-checkbox">
          <input
            class="form-checkbox"
            type="checkbox"
            id={`assessor-${a.id}`}
            name="assessor"
            value={a.id}
            checked={values.assessorIds.includes(a.id)}
          />
          <label for={`assessor-${a.id}`}>{a.name}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function SetupForm({
  t,
  m,
  lang,
  csrfToken,
  call,
  values: v,
  errors,
  funders,
  assessors,
  outcome,
}: {
  t: CallFlowMessages;
  m: Messages;
  lang: Lang;
  csrfToken: string;
  call: { title: string; slug: string };
  values: SetupValues;
  errors: FieldErrors;
  funders: { id: string; name: string }[];
  assessors: { id: string; name: string }[];
  outcome: Child;
}) {
  return (
    <>
      <h1>
        {t.setup}: {call.title}
      </h1>
      <ErrorSummary m={m} errors={errors} />
      {Object.keys(errors).length === 0 && outcome}
      <form method="post" action={pageHref('callSetup', lang, { slug: call.slug })} novalidate>
        <CsrfField token={csrfToken} />
        {/* First in the form, so Enter in a field saves rather than pressing an "add"/"remove" button. */}
        <button type="submit" class="button button-primary">
          {t.save}
        </button>
        <Input id="titleEn" label={t.titleEn} value={v.titleEn} error={errors.titleEn} />
        <Input id="summaryEn" label={t.summaryEn} value={v.summaryEn} error={errors.summaryEn} />
        <Input id="firstYear" label={t.firstYear} value={v.firstYear} error={errors.firstYear} />
        <Input id="lastYear" label={t.lastYear} value={v.lastYear} error={errors.lastYear} />
        <BudgetRows t={t} values={v} errors={errors} funders={funders} />
        <DeciderChoice t={t} values={v} errors={errors} funders={funders} />
        <RequirementRows t={t} values={v} errors={errors} />
        <CriterionRows t={t} values={v} errors={errors} />
        <AssessorChoices t={t} values={v} assessors={assessors} />
        <button type="submit" class="button button-primary">
          {t.save}
        </button>
      </form>
    </>
  );
}
