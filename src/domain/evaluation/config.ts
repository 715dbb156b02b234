/**
 * The evaluation's configurable rules, validated with zod like any input: which patterns flag a
 * cluster in the mid-term evaluation, and when a figure or a share counts as a data-quality
 * warning. Change DEFAULT_EVALUATION_CONFIG (or pass another config) rather than the code.
 */
import { z } from 'zod';
import { FIGURE_KEYS } from './figures.ts';

const key = z.enum(FIGURE_KEYS);
const id = z.string().regex(/^[a-z0-9-]{1,64}$/);

export const FLAG_RULE_KINDS = ['bottom_quartile_running', 'decline_from_first_year', 'below_goal'] as const;

export const flagRuleSchema = z.discriminatedUnion('kind', [
  /** In the bottom quartile of its league on `key` for at least `years` years running. */
  z.object({ id, kind: z.literal('bottom_quartile_running'), key, years: z.number().int().min(1).max(10) }),
  /** The last reported year is more than `percent` % below the first year of the period. */
  z.object({ id, kind: z.literal('decline_from_first_year'), key, percent: z.number().gt(0).max(100) }),
  /** Below the cluster's own action-plan goal for the last reported year (only where a goal exists). */
  z.object({ id, kind: z.literal('below_goal'), key }),
]);
export type FlagRule = z.infer<typeof flagRuleSchema>;

export const evaluationConfigSchema = z.object({
  rules: z.array(flagRuleSchema).refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, {
    message: 'rule ids must be unique',
  }),
  dataQuality: z.object({
    /** A key figure that changes more than this (in %, up or down) from the year before is an outlier. */
    outlierChangePercent: z.number().gt(0),
    /** A share of companies without municipality or industry code above this (in %) is flagged. */
    missingSharePercent: z.number().min(0).max(100),
    /**
     * The measure of the activity rule (reporting format 1.1) is met while at most this share (in %)
     * of a cluster's activities of the year have fewer than two participants or no company. Versions
     * saved before the measure existed get the default.
     */
    activityRuleSharePercent: z.number().min(0).max(100).default(10),
  }),
});
export type EvaluationConfig = z.infer<typeof evaluationConfigSchema>;
export type DataQualityThresholds = EvaluationConfig['dataQuality'];

export const DEFAULT_EVALUATION_CONFIG: EvaluationConfig = evaluationConfigSchema.parse({
  rules: [
    { id: 'innovating-bottom', kind: 'bottom_quartile_running', key: 'innovating_companies', years: 2 },
    { id: 'collaborating-bottom', kind: 'bottom_quartile_running', key: 'collaborating_companies', years: 2 },
    {
      id: 'participants-decline',
      kind: 'decline_from_first_year',
      key: 'participating_companies',
      percent: 20,
    },
    {
      id: 'cofinancing-decline',
      kind: 'decline_from_first_year',
      key: 'private_cofinancing_dkk',
      percent: 25,
    },
    { id: 'innovating-goal', kind: 'below_goal', key: 'innovating_companies' },
  ],
  dataQuality: { outlierChangePercent: 50, missingSharePercent: 10, activityRuleSharePercent: 10 },
});
