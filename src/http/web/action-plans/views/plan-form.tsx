/** The cluster's plan form: a goal per account key, count and budget per category, the narrative. */
import {
  budgetField,
  countField,
  goalField,
  NARRATIVE_MAX,
} from '../../../../domain/action-plans/plan-input.ts';
import { type ActionPlan, GOAL_KEYS, PLAN_CATEGORIES } from '../../../../domain/action-plans/plans.ts';
import { numberForInput } from '../../../i18n/index.ts';
import type { Lang } from '../../../paths.ts';
import type { FieldErrors } from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import type { ActionPlanMessages } from '../messages.ts';
import { categoryName, keyName } from './plan-status.tsx';

/** What the form shows: the values as typed (or as saved), the errors per field, a conflict. */
export interface FormState {
  values: Record<string, string>;
  errors: FieldErrors;
  conflict?: boolean;
}

/** A saved plan as the form's field values. */
export function valuesOf(plan: ActionPlan): Record<string, string> {
  const values: Record<string, string> = { narrative: plan.narrative };
  for (const [key, v] of plan.goals) values[goalField(key)] = numberForInput(v);
  for (const [category, a] of plan.activities) {
    values[countField(category)] = numberForInput(a.plannedCount);
    values[budgetField(category)] = numberForInput(a.budgetDkk);
  }
  return values;
}

function NumberInput(p: {
  name: string;
  label: string;
  values: Record<string, string>;
  errors: FieldErrors;
}) {
  const error = p.errors[p.name];
  return (
    <div class={error ? 'form-group form-error' : 'form-group'}>
      <label class="form-label" for={p.name}>
        {p.label}
      </label>
      {error && (
        <span class="form-error-message" id={`${p.name}-error`}>
          {error}
        </span>
      )}
      <input
        class="form-input input-width-s"
        type="text"
        inputmode="decimal"
        id={p.name}
        name={p.name}
        value={p.values[p.name] ?? ''}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${p.name}-error` : undefined}
      />
    </div>
  );
}

function NarrativeInput({ t, state }: { t: ActionPlanMessages; state: FormState }) {
  const error = state.errors.narrative;
  return (
    <div class={error ? 'form-group form-error' : 'form-group'}>
      <label class="form-label" for="narrative">
        {t.narrative}
      </label>
      <span class="form-hint" id="narrative-hint">
        {t.narrativeHint}
      </span>
      {error && (
        <span class="form-error-message" id="narrative-error">
          {error}
        </span>
      )}
      <textarea
        class="form-input"
        id="narrative"
        name="narrative"
        rows={6}
        maxlength={NARRATIVE_MAX}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'narrative-hint narrative-error' : 'narrative-hint'}
      >
        {state.values.narrative ?? ''}
      </textarea>
    </div>
  );
}

export function PlanForm(p: {
  t: ActionPlanMessages;
  lang: Lang;
  action: string;
  csrf: string;
  state: FormState;
  /** Whether the plan can be submitted: a funder funds the cluster in the plan's year. */
  submit: boolean;
  year: number;
}) {
  const { t, lang, state } = p;
  return (
    <form method="post" action={p.action} novalidate>
      <CsrfField token={p.csrf} />
      <h2>{t.goalsHeading}</h2>
      <fieldset>
        <legend class="form-label">{t.goalsLegend}</legend>
        {GOAL_KEYS.map((key) => (
          <NumberInput
            name={goalField(key)}
            label={keyName(key, lang)}
            values={state.values}
            errors={state.errors}
          />
        ))}
      </fieldset>
      <h2>{t.activitiesHeading}</h2>
      {PLAN_CATEGORIES.map((category) => (
        <fieldset>
          <legend class="form-label">{categoryName(category, lang)}</legend>
          <NumberInput
            name={countField(category)}
            label={t.countLabel(categoryName(category, lang))}
            values={state.values}
            errors={state.errors}
          />
          <NumberInput
            name={budgetField(category)}
            label={t.budgetLabel(categoryName(category, lang))}
            values={state.values}
            errors={state.errors}
          />
        </fieldset>
      ))}
      <NarrativeInput t={t} state={state} />
      <button type="submit" name="intent" value="save" class="button button-secondary">
        {t.save}
      </button>{' '}
      {p.submit ? (
        <button type="submit" name="intent" value="submit" class="button button-primary">
          {t.saveAndSubmit}
        </button>
      ) : (
        <p>{t.noFunderYet(p.year)}</p>
      )}
    </form>
  );
}
