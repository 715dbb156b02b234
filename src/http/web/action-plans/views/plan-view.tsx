/** A plan read-only, and the funder's decision forms under it. */
import { COMMENT_MAX } from '../../../../domain/action-plans/plan-input.ts';
import { type ActionPlan, GOAL_KEYS, PLAN_CATEGORIES } from '../../../../domain/action-plans/plans.ts';
import type { PlanAction } from '../../../../domain/action-plans/policy.ts';
import type { Lang } from '../../../paths.ts';
import { CsrfField } from '../../../views/layout.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import type { ActionPlanMessages } from '../messages.ts';
import { categoryName, keyName, num } from './plan-status.tsx';

export function PlanView({ plan, t, lang }: { plan: ActionPlan; t: ActionPlanMessages; lang: Lang }) {
  return (
    <>
      <h2>{t.goalsHeading}</h2>
      <ScrollingTable label={t.goalsHeading}>
        <table class="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t.key}</th>
              <th scope="col">{t.goal}</th>
            </tr>
          </thead>
          <tbody>
            {GOAL_KEYS.map((key) => {
              const goal = plan.goals.get(key);
              return (
                <tr>
                  <th scope="row">{keyName(key, lang)}</th>
                  <td class="results-number">{goal === undefined ? t.noValue : num(goal, lang)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollingTable>
      <h2>{t.activitiesHeading}</h2>
      <ScrollingTable label={t.activitiesHeading}>
        <table class="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t.category}</th>
              <th scope="col">{t.plannedCount}</th>
              <th scope="col">{t.budget}</th>
            </tr>
          </thead>
          <tbody>
            {PLAN_CATEGORIES.map((category) => {
              const a = plan.activities.get(category);
              return (
                <tr>
                  <th scope="row">{categoryName(category, lang)}</th>
                  <td class="results-number">{a ? num(a.plannedCount, lang) : t.noValue}</td>
                  <td class="results-number">{a ? num(a.budgetDkk, lang) : t.noValue}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollingTable>
      <h2>{t.narrative}</h2>
      <p class="action-plan-narrative">{plan.narrative || t.noValue}</p>
    </>
  );
}

/** A refused decision: which one, the comment as typed, and why. */
export interface DecisionProblem {
  action: PlanAction;
  comment: string;
  message: string;
}

function DecisionForm(p: {
  decision: 'accept' | 'return';
  label: string;
  commentLabel: string;
  action: string;
  csrf: string;
  problem: DecisionProblem | undefined;
}) {
  const mine = p.problem?.action === p.decision ? p.problem : undefined;
  const id = `comment-${p.decision}`;
  return (
    <form method="post" action={p.action} novalidate>
      <CsrfField token={p.csrf} />
      <input type="hidden" name="action" value={p.decision} />
      <div class={mine ? 'form-group form-error' : 'form-group'}>
        <label class="form-label" for={id}>
          {p.commentLabel}
        </label>
        {mine && (
          <span class="form-error-message" id={`${id}-error`}>
            {mine.message}
          </span>
        )}
        <textarea
          class="form-input"
          id={id}
          name="comment"
          rows={2}
          maxlength={COMMENT_MAX}
          aria-invalid={mine ? 'true' : undefined}
          aria-describedby={mine ? `${id}-error` : undefined}
        >
          {mine?.comment ?? ''}
        </textarea>
      </div>
      <button
        type="submit"
        class={p.decision === 'accept' ? 'button button-primary' : 'button button-secondary'}
      >
        {p.label}
      </button>
    </form>
  );
}

/** The decisions the funder may make now, each a form with its comment. */
export function DecisionForms(p: {
  t: ActionPlanMessages;
  action: string;
  csrf: string;
  decisions: PlanAction[];
  problem: DecisionProblem | undefined;
}) {
  const { t } = p;
  const shared = { action: p.action, csrf: p.csrf, problem: p.problem };
  return (
    <section aria-labelledby="decision-heading">
      <h2 id="decision-heading">{t.decisionHeading}</h2>
      {p.decisions.includes('accept') && (
        <DecisionForm decision="accept" label={t.accept} commentLabel={t.acceptComment} {...shared} />
      )}
      {p.decisions.includes('return') && (
        <DecisionForm decision="return" label={t.returnButton} commentLabel={t.returnComment} {...shared} />
      )}
    </section>
  );
}
