import type { AccountReport, NamedScope } from '../domain/performance/report.ts';
import type { Region } from '../domain/reference/geography.ts';
import { type ReportLang, type ReportOptions, type ReportSection, TEXT } from './labels.ts';

/** How a report names an account's scope: in full beside the figures, and short on a sheet tab. */
function labelsOf(scope: NamedScope, lang: ReportLang): Omit<ReportSection, 'account'> {
  const t = TEXT[lang];
  switch (scope.kind) {
    case 'national':
      return { scopeLabel: t.national, shortName: t.national };
    case 'cluster':
      return { scopeLabel: `${t.cluster}: ${scope.name} (CVR ${scope.cvr})`, shortName: scope.name };
    case 'region': {
      const name = regionName(scope.region, lang);
      return { scopeLabel: `${t.region}: ${name}`, shortName: name };
    }
    case 'league':
      return { scopeLabel: t.leagues[scope.league], shortName: t.leagues[scope.league] };
  }
}

const regionName = (region: Region, lang: ReportLang) => (lang === 'da' ? region.name : region.nameEn);

/** The accounts of a report, each labelled in the report's language. */
export function reportSections(report: AccountReport, lang: ReportLang): ReportSection[] {
  return report.accounts.map(({ scope, account }) => ({ ...labelsOf(scope, lang), account }));
}

/** How to render the report: its year, language, time of making and region names (code → name). */
export function reportOptions(report: AccountReport, lang: ReportLang, generatedAt: Date): ReportOptions {
  const regionNames = Object.fromEntries(report.regions.map((r) => [String(r.code), regionName(r, lang)]));
  return { year: report.year, preliminary: report.preliminary, lang, generatedAt, regionNames };
}
