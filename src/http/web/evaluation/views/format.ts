import { formatNumber } from '../../../i18n/index.ts';
import type { Lang } from '../../../paths.ts';

/** A key figure as the pages show it: at most one decimal, Danish or English separators. */
export const formatFigure = (n: number, lang: Lang) => formatNumber(Math.round(n * 10) / 10, lang);
