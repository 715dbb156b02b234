/** The plan form's fields as the domain's plan input, numbers read as people type them. */
import type { PlanInput } from '../../../domain/action-plans/plan-input.ts';
import { parseDanishNumber } from '../../../domain/reference/danish.ts';

/** The posted form as plan input, and its values as typed (to show again next to errors). */
export function planInputOf(body: Record<string, unknown>): {
  input: PlanInput;
  values: Record<string, string>;
} {
  const values: Record<string, string> = {};
  const input: PlanInput = { goals: {}, activities: {}, narrative: '' };
  for (const [name, raw] of Object.entries(body)) {
    if (typeof raw !== 'string') continue;
    values[name] = raw;
    const goal = /^goal-(.+)$/.exec(name);
    const count = /^count-(.+)$/.exec(name);
    const budget = /^budget-(.+)$/.exec(name);
    if (goal?.[1]) input.goals[goal[1]] = parseDanishNumber(raw);
    else if (count?.[1]) {
      const a = input.activities[count[1]] ?? {};
      a.plannedCount = parseDanishNumber(raw);
      input.activities[count[1]] = a;
    } else if (budget?.[1]) {
      const a = input.activities[budget[1]] ?? {};
      a.budgetDkk = parseDanishNumber(raw);
      input.activities[budget[1]] = a;
    }
  }
  input.narrative = values.narrative ?? '';
  return { input, values };
}
