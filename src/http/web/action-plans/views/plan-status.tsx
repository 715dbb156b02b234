import type { PlanEvent, PlanStatus } from '../../../../domain/action-plans/plans.ts';
import { formatNumber } from '../../../i18n/index.ts';
import type { Lang } from '../../../paths.ts';
import { StatusHistory } from '../../../views/history.tsx';
import { resultsMessages } from '../../performance/messages.ts';
import { activityMessages } from '../../reporting/activities.messages.ts';
import { type ActionPlanMessages, PLAN_BADGE } from '../messages.ts';

/** A plan's status as a badge; a year without a saved plan is "not started". */
export function StatusBadge({ status, t }: { status: PlanStatus | null; t: ActionPlanMessages }) {
  if (status === null) return <span class="badge">{t.notStarted}</span>;
  return <span class={PLAN_BADGE[status]}>{t.status[status]}</span>;
}

/** The plan's status changes, oldest first. */
export function PlanHistory({ events, t, lang }: { events: PlanEvent[]; t: ActionPlanMessages; lang: Lang }) {
  const items = events.map((e) => ({
    ...e,
    change: e.from ? `${t.status[e.from]} → ${t.status[e.to]}` : t.status[e.to],
  }));
  return <StatusHistory heading={t.history} empty={t.noHistory} by={t.by} items={items} lang={lang} />;
}

export const categoryName = (category: string, lang: Lang) =>
  activityMessages(lang).categories[category] ?? category;
export const keyName = (key: string, lang: Lang) =>
  (resultsMessages(lang).keys as Record<string, string>)[key] ?? key;
/** A goal, count or amount as the plan pages show it: at most two decimals. */
export const num = (n: number, lang: Lang) => formatNumber(Math.round(n * 100) / 100, lang);
