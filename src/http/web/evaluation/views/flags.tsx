import type { FlagRule } from '../../../../domain/evaluation/config.ts';
import type { Flag } from '../../../../domain/evaluation/rules.ts';
import type { Lang } from '../../../paths.ts';
import type { EvaluationMessages } from '../messages.ts';
import { formatFigure } from './format.ts';

/** A flag rule in words, e.g. "In the bottom quartile on … for 2 years running". */
export function ruleText(r: FlagRule, t: EvaluationMessages): string {
  switch (r.kind) {
    case 'bottom_quartile_running':
      return t.evaluation.rule.bottom_quartile_running(t.keys[r.key], r.years);
    case 'decline_from_first_year':
      return t.evaluation.rule.decline_from_first_year(t.keys[r.key], r.percent);
    case 'below_goal':
      return t.evaluation.rule.below_goal(t.keys[r.key]);
  }
}

/** What a rule found for one cluster, in words. */
export function flagText(f: Flag, t: EvaluationMessages, lang: Lang): string {
  const fmt = (n: number) => formatFigure(n, lang);
  switch (f.kind) {
    case 'bottom_quartile_running':
      return t.evaluation.flag.bottom_quartile_running(t.keys[f.key], f.years);
    case 'decline_from_first_year':
      return t.evaluation.flag.decline_from_first_year(
        t.keys[f.key],
        f.firstYear,
        f.lastYear,
        t.pct(f.change, lang),
      );
    case 'below_goal':
      return t.evaluation.flag.below_goal(t.keys[f.key], f.year, fmt(f.value), fmt(f.goal));
  }
}

export function FlagList({ flags, t, lang }: { flags: Flag[]; t: EvaluationMessages; lang: Lang }) {
  if (flags.length === 0) return <>{t.evaluation.noFlags}</>;
  return (
    <ul class="evaluation-flags">
      {flags.map((f) => (
        <li>
          <strong>{t.evaluation.flags}:</strong> {flagText(f, t, lang)}
        </li>
      ))}
    </ul>
  );
}
