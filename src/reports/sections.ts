import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../db/client.ts';
import { type AccountScope, performanceAccount } from '../domain/performance/account.ts';
import { type ReportLang, type ReportSection, TEXT } from './labels.ts';

/**
 * Which accounts a report holds: the national one, one cluster's, one region's or league's, or the
 * national one and every cluster's.
 */
export type ReportSelection =
  | { kind: 'national' }
  | { kind: 'cluster'; cvr: string }
  | Extract<AccountScope, { kind: 'region' | 'league' }>
  | { kind: 'all' };

export class UnknownClusterError extends Error {
  constructor(readonly cvr: string) {
    super(`no cluster organisation has CVR ${cvr}`);
  }
}

/** Computes the accounts of a selection, each labelled for the report. */
export async function reportSections(
  db: Queryable,
  year: number,
  selection: ReportSelection,
  lang: ReportLang,
): Promise<ReportSection[]> {
  const t = TEXT[lang];
  if (selection.kind === 'region') {
    const [region] = await queryRows<{ name: string; name_en: string }>(
      db,
      sql`select name, name_en from regions where code = ${selection.regionCode}`,
    );
    const name = (lang === 'da' ? region?.name : region?.name_en) ?? String(selection.regionCode);
    return [
      {
        scopeLabel: `${t.region}: ${name}`,
        shortName: name,
        account: await performanceAccount(db, year, selection),
      },
    ];
  }
  if (selection.kind === 'league') {
    const name = t.leagues[selection.league];
    return [{ scopeLabel: name, shortName: name, account: await performanceAccount(db, year, selection) }];
  }
  const national = async (): Promise<ReportSection> => ({
    scopeLabel: t.national,
    shortName: t.national,
    account: await performanceAccount(db, year, { kind: 'national' }),
  });
  const clusters = await queryRows<{ cvr: string; name: string }>(
    db,
    selection.kind === 'cluster'
      ? sql`select cvr, name from organisations where kind = 'cluster_organisation' and cvr = ${selection.cvr}`
      : selection.kind === 'all'
        ? sql`select cvr, name from organisations where kind = 'cluster_organisation' and cvr is not null order by name, cvr`
        : sql`select null as cvr, null as name where false`,
  );
  if (selection.kind === 'cluster' && clusters.length === 0) throw new UnknownClusterError(selection.cvr);
  const sections: ReportSection[] = selection.kind === 'cluster' ? [] : [await national()];
  for (const c of clusters) {
    sections.push({
      scopeLabel: `${t.cluster}: ${c.name} (CVR ${c.cvr})`,
      shortName: c.name,
      account: await performanceAccount(db, year, { kind: 'cluster', cvr: c.cvr }),
    });
  }
  return sections;
}

/** Region code → name in the report's language. */
export async function regionNames(db: Queryable, lang: ReportLang): Promise<Record<string, string>> {
  const rows = await queryRows<{ code: number; name: string; name_en: string }>(
    db,
    sql`select code, name, name_en from regions order by code`,
  );
  return Object.fromEntries(rows.map((r) => [String(r.code), lang === 'da' ? r.name : r.name_en]));
}
