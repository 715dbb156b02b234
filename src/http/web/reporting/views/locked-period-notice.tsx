import type { DeliveryError } from '../../../../domain/reporting/format/errors.ts';
import { href, type Lang } from '../../../paths.ts';
import { Alert } from '../../../views/forms.tsx';
import { periodMessages } from '../periods.messages.ts';

/** Years of activities a delivery could not load because their period is approved or locked. */
function lockedYears(errors: readonly DeliveryError[]): number[] {
  const years = errors
    .filter((e) => e.code === 'periodLocked' && e.column === 'start_date' && e.value)
    .map((e) => Number((e.value as string).slice(0, 4)));
  return [...new Set(years)].sort((a, b) => a - b);
}

/** A plain explanation on the delivery result page when the delivery hit a closed year. */
export function LockedPeriodNotice({ errors, lang }: { errors: readonly DeliveryError[]; lang: Lang }) {
  if (!errors.some((e) => e.code === 'periodLocked')) return null;
  const t = periodMessages(lang);
  const years = lockedYears(errors);
  const and = lang === 'da' ? ' og ' : ' and ';
  const text = years.length
    ? years.join(', ').replace(/, (\d+)$/, `${and}$1`)
    : lang === 'da'
      ? 'et år'
      : 'a year';
  return (
    <Alert variant="warning" heading={t.status.locked}>
      {t.lockedNotice(text)} <a href={href('workspacePeriods', lang)}>{t.workspaceTitle}</a>
    </Alert>
  );
}
