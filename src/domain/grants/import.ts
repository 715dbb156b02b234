/**
 * A funder's portfolio imported from a file (docs/grants.md): every row checked as the grant form
 * checks one grant (the league rule with its override, one responsible funder a cluster and year),
 * only the funder's own grants, a preview of what would change, then all rows written in one
 * audited transaction or none.
 */
import { sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import { type Db, type Queryable, queryRows } from '../../db/client.ts';
import { fundingGrants } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { notFound } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { authorize } from '../policy/policy.ts';
import { checkDanishNumber } from '../reference/danish.ts';
import { type GrantFile, type GrantFileRow, type GrantImportIssue, readGrantFile } from './import-file.ts';
import { type FunderLevel, followsLeagueRule, type GrantSource, type League } from './league-rule.ts';
import { GRANT_SOURCES, MAX_GRANT_DKK } from './schemas.ts';

export type GrantChange = 'new' | 'changed' | 'unchanged';

export interface PlannedGrant {
  line: number;
  clusterId: string;
  clusterSlug: string;
  clusterName: string;
  year: number;
  amountDkk: number;
  source: GrantSource;
  responsible: boolean;
  overrideReason: string | null;
  change: GrantChange;
}

export type GrantImportPlan =
  | { ok: true; grants: PlannedGrant[]; counts: Record<GrantChange, number> }
  | { ok: false; issues: GrantImportIssue[] };

interface ImportFunder {
  id: string;
  slug: string;
  cvr: string | null;
  level: FunderLevel;
}

interface ClusterOfFile {
  id: string;
  slug: string;
  cvr: string | null;
  name: string;
  league: League;
  endedOn: string | null;
}

const YES = new Set(['yes', 'ja', 'true', '1', 'x']);
const NO = new Set(['no', 'nej', 'false', '0', '']);

async function importFunder(q: Queryable, funderId: string): Promise<ImportFunder> {
  if (!isUuid(funderId)) throw notFound('funder');
  const [funder] = await queryRows<ImportFunder>(
    q,
    sql`select id, slug, cvr, funder_level as level from organisations where id = ${funderId} and kind = 'funder'`,
  );
  if (!funder) throw notFound('funder');
  return funder;
}

/** The clusters the file names, by slug or CVR, in one query. */
async function clustersNamed(q: Queryable, rows: GrantFileRow[]): Promise<Map<string, ClusterOfFile>> {
  const keys = [...new Set(rows.map((r) => (r.values.cluster ?? '').toLowerCase()).filter(Boolean))];
  const found = await queryRows<ClusterOfFile>(
    q,
    sql`select o.id, o.slug, o.cvr, o.name, c.league,
               least(o.ended_on, c.ended_on)::text as "endedOn"
        from organisations o join clusters c on c.organisation_id = o.id
        where o.slug = any(select json_array_elements_text(${JSON.stringify(keys)}::json))
           or o.cvr = any(select json_array_elements_text(${JSON.stringify(keys)}::json))`,
  );
  const byKey = new Map<string, ClusterOfFile>();
  for (const c of found) {
    byKey.set(c.slug, c);
    if (c.cvr) byKey.set(c.cvr, c);
  }
  return byKey;
}

type CheckedRow = Omit<PlannedGrant, 'change'>;

/** One row's values checked against the funder and the cluster it names; the grant or its problems. */
function checkRow(
  row: GrantFileRow,
  funder: ImportFunder,
  clusters: Map<string, ClusterOfFile>,
): { grant: CheckedRow | null; issues: GrantImportIssue[] } {
  const v = row.values;
  const issues: GrantImportIssue[] = [];
  const problem = (column: GrantImportIssue['column'], code: GrantImportIssue['code']) =>
    issues.push({ line: row.line, column, value: column ? (v[column] ?? null) : null, code });
  for (const column of ['cluster', 'year', 'amount_dkk', 'source'] as const)
    if (!v[column]) problem(column, 'required');
  const named = (v.funder ?? '').toLowerCase();
  if (named && named !== funder.slug && named !== funder.cvr) problem('funder', 'otherFunder');
  const cluster = clusters.get((v.cluster ?? '').toLowerCase());
  if (v.cluster && !cluster) problem('cluster', 'unknownCluster');
  const year = Number(v.year);
  const yearOk = /^\d{4}$/.test(v.year ?? '') && year >= 2000 && year <= 2100;
  if (v.year && !yearOk) problem('year', 'year');
  if (cluster?.endedOn && yearOk && cluster.endedOn < `${year}-01-01`) problem('cluster', 'clusterEnded');
  const amount = checkDanishNumber(v.amount_dkk ?? '', { min: 0, max: MAX_GRANT_DKK });
  if (v.amount_dkk && !('value' in amount && amount.value !== null)) problem('amount_dkk', 'amount');
  const source = GRANT_SOURCES.find((s) => s === (v.source ?? '').toLowerCase());
  if (v.source && !source) problem('source', 'source');
  const answer = (v.responsible ?? '').toLowerCase();
  if (!YES.has(answer) && !NO.has(answer)) problem('responsible', 'yesNo');
  const responsible = YES.has(answer);
  const reason = v.override_reason || null;
  if (reason && reason.length > 500) problem('override_reason', 'tooLong');
  const followsRule = !cluster || followsLeagueRule(cluster.league, funder.level);
  if (responsible && !followsRule && !reason) problem('override_reason', 'overrideReasonRequired');
  if (issues.length > 0 || !cluster || !source || !('value' in amount) || amount.value === null)
    return { grant: null, issues };
  return {
    grant: {
      line: row.line,
      clusterId: cluster.id,
      clusterSlug: cluster.slug,
      clusterName: cluster.name,
      year,
      amountDkk: amount.value,
      source,
      responsible,
      // A reason where the rule holds is not an override and is not kept (as the grant form).
      overrideReason: responsible && !followsRule ? reason : null,
    },
    issues,
  };
}

const pairKey = (clusterId: string, year: number) => `${clusterId}:${year}`;

/** The grants already registered for the clusters of the file: the funder's own and others' responsibility. */
async function registered(q: Queryable, funderId: string, grants: CheckedRow[]) {
  const ids = [...new Set(grants.map((g) => g.clusterId))];
  const rows = await queryRows<{
    funderId: string;
    clusterId: string;
    year: number;
    amountDkk: number;
    source: GrantSource;
    responsible: boolean;
    overrideReason: string | null;
  }>(
    q,
    sql`select funder_id as "funderId", cluster_id as "clusterId", year, amount_dkk::float8 as "amountDkk",
               source, responsible, responsible_override_reason as "overrideReason"
        from funding_grants
        where cluster_id = any(select json_array_elements_text(${JSON.stringify(ids)}::json)::uuid)
          and (funder_id = ${funderId} or responsible)`,
  );
  const own = new Map(
    rows.filter((r) => r.funderId === funderId).map((r) => [pairKey(r.clusterId, r.year), r]),
  );
  const takenByOthers = new Set(
    rows.filter((r) => r.funderId !== funderId).map((r) => pairKey(r.clusterId, r.year)),
  );
  return { own, takenByOthers };
}

/** Checks every row of the file against the register as it is now; nothing is written. */
async function planRows(q: Queryable, funder: ImportFunder, rows: GrantFileRow[]): Promise<GrantImportPlan> {
  const clusters = await clustersNamed(q, rows);
  const issues: GrantImportIssue[] = [];
  const checked: CheckedRow[] = [];
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    const { grant, issues: rowIssues } = checkRow(row, funder, clusters);
    issues.push(...rowIssues);
    if (!grant) continue;
    const key = pairKey(grant.clusterId, grant.year);
    const first = firstLine.get(key);
    if (first !== undefined) {
      issues.push({
        line: row.line,
        column: 'cluster',
        value: row.values.cluster ?? null,
        code: 'duplicateRow',
        detail: first,
      });
      continue;
    }
    firstLine.set(key, row.line);
    checked.push(grant);
  }
  const { own, takenByOthers } = await registered(q, funder.id, checked);
  for (const g of checked)
    if (g.responsible && takenByOthers.has(pairKey(g.clusterId, g.year)))
      issues.push({ line: g.line, column: 'responsible', value: null, code: 'responsibleTaken' });
  if (issues.length > 0) return { ok: false, issues: issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
  const grants = checked.map((g): PlannedGrant => {
    const before = own.get(pairKey(g.clusterId, g.year));
    const same =
      before &&
      before.amountDkk === g.amountDkk &&
      before.source === g.source &&
      before.responsible === g.responsible &&
      before.overrideReason === g.overrideReason;
    return { ...g, change: !before ? 'new' : same ? 'unchanged' : 'changed' };
  });
  const counts = { new: 0, changed: 0, unchanged: 0 };
  for (const g of grants) counts[g.change] += 1;
  return { ok: true, grants, counts };
}

/** What importing the file would change in the funder's portfolio, or every problem in it. */
export async function previewGrantImport(
  db: Queryable,
  caller: Caller,
  funderId: string,
  file: GrantFile,
): Promise<GrantImportPlan> {
  authorize(caller.principal, 'grants.manage', { organisationId: funderId });
  const funder = await importFunder(db, funderId);
  const read = await readGrantFile(file);
  if (read.issues.length > 0) return { ok: false, issues: read.issues };
  return planRows(db, funder, read.rows);
}

/**
 * Imports the file into the funder's portfolio: checked again inside one transaction holding the
 * locks of the clusters' years (as the grant form takes them), then the new and changed grants
 * written together; with any problem nothing is written. Grants the file does not name are kept.
 */
export async function importGrants(
  db: Db,
  caller: Caller,
  funderId: string,
  file: GrantFile,
): Promise<GrantImportPlan> {
  authorize(caller.principal, 'grants.manage', { organisationId: funderId });
  const read = await readGrantFile(file);
  if (read.issues.length > 0) return { ok: false, issues: read.issues };
  return withActor(db, caller.actor, async (tx) => {
    const funder = await importFunder(tx, funderId);
    const first = await planRows(tx, funder, read.rows);
    if (!first.ok) return first;
    const keys = [
      ...new Set(first.grants.map((g) => `klynge.grants:${pairKey(g.clusterId, g.year)}`)),
    ].sort();
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(k))
          from json_array_elements_text(${JSON.stringify(keys)}::json) k order by k`,
    );
    // Planned again under the locks: another funder may have become responsible meanwhile.
    const plan = await planRows(tx, funder, read.rows);
    if (!plan.ok) return plan;
    const writes = plan.grants.filter((g) => g.change !== 'unchanged');
    if (writes.length > 0)
      await tx
        .insert(fundingGrants)
        .values(
          writes.map((g) => ({
            funderId,
            clusterId: g.clusterId,
            year: g.year,
            amountDkk: g.amountDkk,
            source: g.source,
            responsible: g.responsible,
            responsibleOverrideReason: g.overrideReason,
          })),
        )
        .onConflictDoUpdate({
          target: [fundingGrants.funderId, fundingGrants.clusterId, fundingGrants.year],
          set: {
            amountDkk: sql`excluded.amount_dkk`,
            source: sql`excluded.source`,
            responsible: sql`excluded.responsible`,
            responsibleOverrideReason: sql`excluded.responsible_override_reason`,
          },
        });
    return plan;
  });
}
