import { describe, expect, it } from 'vitest';
import type { PerformanceAccount } from '../domain/performance/account.ts';
import type { AccountReport } from '../domain/performance/report.ts';
import { reportOptions, reportSections } from './sections.ts';

// Only the labels matter here: the account is passed through untouched.
const account = { year: 2023, activities: 7 } as PerformanceAccount;
const report: AccountReport = {
  year: 2023,
  preliminary: true,
  accounts: [
    { scope: { kind: 'national' }, account },
    { scope: { kind: 'cluster', cvr: '30000005', name: 'Søfart & Ærø' }, account },
    {
      scope: { kind: 'region', region: { code: 1085, name: 'Region Sjælland', nameEn: 'Region Zealand' } },
      account,
    },
    { scope: { kind: 'league', league: 'world_class' }, account },
  ],
  regions: [
    { code: 1081, name: 'Region Nordjylland', nameEn: 'North Denmark Region' },
    { code: 1085, name: 'Region Sjælland', nameEn: 'Region Zealand' },
  ],
};

describe('report sections', () => {
  it('names each scope in Danish, in full and for a sheet tab', () => {
    expect(reportSections(report, 'da')).toEqual([
      { scopeLabel: 'Hele landet', shortName: 'Hele landet', account },
      { scopeLabel: 'Klynge: Søfart & Ærø (CVR 30000005)', shortName: 'Søfart & Ærø', account },
      { scopeLabel: 'Region: Region Sjælland', shortName: 'Region Sjælland', account },
      { scopeLabel: 'Klynger i verdensklasse', shortName: 'Klynger i verdensklasse', account },
    ]);
  });

  it('names each scope in English', () => {
    expect(reportSections(report, 'en').map((s) => s.scopeLabel)).toEqual([
      'All of Denmark',
      'Cluster: Søfart & Ærø (CVR 30000005)',
      'Region: Region Zealand',
      'World-class clusters',
    ]);
  });

  it('gives the renderers the year, the basis, language, time and the regions by code in the language', () => {
    const at = new Date('2026-11-26T19:05:00Z');
    expect(reportOptions(report, 'en', at)).toEqual({
      year: 2023,
      preliminary: true,
      lang: 'en',
      generatedAt: at,
      regionNames: { '1081': 'North Denmark Region', '1085': 'Region Zealand' },
    });
    expect(reportOptions(report, 'da', at).regionNames['1085']).toBe('Region Sjælland');
    expect(reportOptions({ ...report, preliminary: false }, 'da', at).preliminary).toBe(false);
  });
});
