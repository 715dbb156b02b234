import { AppError, type FieldIssue } from '../../errors.ts';
import { DELIVERY_MESSAGES } from '../format/errors.ts';
import { RULE_MESSAGES } from '../format/rows.ts';

/**
 * What can be wrong with an activity or participant entered by hand: the reporting format's own
 * issue codes where the import has one, so a form says what a file's error report says.
 */
const OWN_MESSAGES = {
  activityRefTaken: {
    en: 'is already the reference of another activity of this cluster',
    da: 'er allerede referencen for en anden aktivitet i klyngen',
  },
  clusterWithoutCvr: {
    en: 'the cluster organisation has no CVR number and cannot report activities',
    da: 'klyngeorganisationen har intet CVR-nummer og kan ikke indberette aktiviteter',
  },
} as const;

/** The text of an issue code: the reporting format's own wording where the import has one. */
export function issueMessage(code: string, lang: 'da' | 'en'): string {
  const table = { ...RULE_MESSAGES, ...DELIVERY_MESSAGES, ...OWN_MESSAGES } as Record<
    string,
    { da: string; en: string }
  >;
  return table[code]?.[lang] ?? code;
}

/** Values the format's rules refuse, each at its field. */
export const invalid = (issues: FieldIssue[]) => new AppError('validation', 'Invalid activity data', issues);
/** The reporting year is approved or locked: at the field that named it, else at the whole form. */
export const locked = (field = 'form') =>
  new AppError('conflict', 'The reporting year is locked', [{ field, message: 'periodLocked' }]);
