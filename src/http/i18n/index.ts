import type { Lang } from '../paths.ts';
import { da, type Messages } from './da.ts';
import { en } from './en.ts';

export type { Messages };

const catalogues: Record<Lang, Messages> = { da, en };

export function messages(lang: Lang): Messages {
  return catalogues[lang];
}

// The one formatter of numbers and dates (src/domain/reference/danish.ts), for the pages too.
export {
  formatAmount,
  formatClock,
  formatDate,
  formatDateTime,
  formatDay,
  formatMonth,
  formatNumber,
  formatOneDecimal,
  numberForInput,
} from '../../domain/reference/danish.ts';
