import { z } from 'zod';
import type { PerformanceAccount } from '../performance/account.ts';
import { fromDanishText } from '../reference/danish.ts';

type NumericKey = {
  [K in keyof PerformanceAccount]: PerformanceAccount[K] extends number ? K : never;
}[keyof PerformanceAccount];

/** Account keys a target can be measured by; the label counts are among them. */
export const TARGET_METRICS = [
  'innovating_companies',
  'small_innovating_companies',
  'innovating_companies_by_region',
  'collaborating_companies',
  'international_companies',
  'participating_companies',
  'small_participating_companies',
  'new_competence_companies',
  'new_idea_companies',
  'activities',
  'knowledge_institution_participations',
  'activities_with_knowledge_institution',
  'gold_clusters',
  'silver_clusters',
  'bronze_clusters',
  'grant_dkk',
  'external_funding_dkk',
  'private_cofinancing_dkk',
] as const satisfies readonly (NumericKey | 'innovating_companies_by_region')[];
export type TargetMetric = (typeof TARGET_METRICS)[number];

export const DIRECTIONS = ['at_least', 'at_most', 'none'] as const;
export type Direction = (typeof DIRECTIONS)[number];

const trimmed = (max: number) => z.string().trim().min(1, 'required').max(max, 'tooLong');
/** A value as a funder types it (1.600 · 12,5), or a number from a command; left out when empty. */
const optionalNumber = z.preprocess(
  fromDanishText,
  z.number('number').min(0, 'tooSmall').max(1e12, 'tooLarge').optional(),
);
const optionalYear = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z.coerce.number('invalid').int('invalid').min(1990, 'invalid').max(2100, 'invalid').optional(),
);

/** One target as a funder enters it (form or command). */
export const targetInput = z
  .object({
    code: z
      .string()
      .trim()
      .min(1, 'required')
      .max(8, 'tooLong')
      .regex(/^[0-9A-Za-z.-]+$/, 'invalid'),
    metric: z.enum(TARGET_METRICS, 'required'),
    labelDa: trimmed(300),
    labelEn: trimmed(300),
    direction: z.enum(DIRECTIONS, 'required'),
    baselineYear: optionalYear,
    baselineValue: optionalNumber,
    targetValue: optionalNumber,
    note: z.string().trim().max(1000, 'tooLong').default(''),
  })
  .refine((t) => t.direction === 'none' || t.targetValue !== undefined, {
    message: 'targetRequired',
    path: ['targetValue'],
  })
  .refine(
    (t) => (t.baselineYear === undefined) === (t.baselineValue === undefined) || t.direction === 'none',
    {
      message: 'baselinePair',
      path: ['baselineValue'],
    },
  );
export type TargetInput = z.infer<typeof targetInput>;

export const targetSetInput = z
  .object({
    nameDa: trimmed(200),
    nameEn: trimmed(200),
    periodFrom: z.coerce.number('invalid').int('invalid').min(2000, 'invalid').max(2100, 'invalid'),
    periodTo: z.coerce.number('invalid').int('invalid').min(2000, 'invalid').max(2100, 'invalid'),
  })
  .refine((s) => s.periodTo >= s.periodFrom, { message: 'periodOrder', path: ['periodTo'] });
export type TargetSetInput = z.infer<typeof targetSetInput>;
