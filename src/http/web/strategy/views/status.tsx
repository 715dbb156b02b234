import type { InitiativeStatus } from '../../../../domain/strategy/schemas.ts';
import type { Lang } from '../../../paths.ts';
import { Icon } from '../../../views/icons.tsx';
import { STATUS_LOOK, type StrategyMessages } from '../messages.ts';

export function StatusBadge({ status, t }: { status: InitiativeStatus; t: StrategyMessages }) {
  const look = STATUS_LOOK[status];
  return (
    <span class={look.badge}>
      <Icon name={look.icon} />
      {t.status[status]}
    </span>
  );
}

/** Milestones reached of all, as a bar and in words. */
export function Progress({ done, total, t }: { done: number; total: number; t: StrategyMessages }) {
  return (
    <span class="strategy-progress">
      {total > 0 && <progress value={done} max={total} aria-hidden="true" />} {t.progress(done, total)}
    </span>
  );
}

/** A focus area's, an initiative's or a party's text in the page's language. */
export const title = (x: { titleDa: string; titleEn: string }, lang: Lang) =>
  lang === 'da' ? x.titleDa : x.titleEn;
export const summary = (x: { summaryDa: string; summaryEn: string }, lang: Lang) =>
  lang === 'da' ? x.summaryDa : x.summaryEn;
