/**
 * Commands of the grants register (docs/grants.md): a funder's grants to clusters per year, with
 * the budget they come from and whether the funder is the cluster's responsible funder. Admins
 * write every funder's grants, a funder's own staff theirs (`grants.manage`); every change is
 * audited through withActor. Funders' rights over a cluster (approve periods, accept action
 * plans, decide evaluations) are read from these rows.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import { type Db, queryRows, type Tx } from '../../db/client.ts';
import { fundingGrants } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError, notFound } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { authorize } from '../policy/policy.ts';
import { type FunderLevel, followsLeagueRule, type League, usualSource } from './league-rule.ts';
import type { GrantInput } from './schemas.ts';

const invalid = (field: string, message: string) => new AppError('validation', message, [{ field, message }]);

/** The funder's level, or not_found when the id is no funder organisation. */
async function funderLevelOf(tx: Tx, funderId: string): Promise<FunderLevel> {
  if (!isUuid(funderId)) throw notFound('funder');
  const [row] = await queryRows<{ level: FunderLevel }>(
    tx,
    sql`select funder_level as level from organisations where id = ${funderId} and kind = 'funder'`,
  );
  if (!row) throw notFound('funder');
  return row.level;
}

/** The cluster's league; a cluster that does not exist or ended before the year cannot be granted. */
async function leagueOf(tx: Tx, clusterId: string, year: number): Promise<League> {
  const [row] = await queryRows<{ league: League }>(
    tx,
    sql`select c.league from clusters c join organisations o on o.id = c.organisation_id
        where c.organisation_id = ${clusterId}
          and coalesce(o.ended_on, c.ended_on, 'infinity'::date) >= make_date(${year}::int, 1, 1)`,
  );
  if (!row) throw invalid('clusterId', 'clusterUnavailable');
  return row.league;
}

/** Whether a funder other than this one is already the cluster's responsible funder for the year. */
async function anotherIsResponsible(tx: Tx, funderId: string, clusterId: string, year: number) {
  const [other] = await tx
    .select({ id: fundingGrants.id })
    .from(fundingGrants)
    .where(
      and(
        eq(fundingGrants.clusterId, clusterId),
        eq(fundingGrants.year, year),
        eq(fundingGrants.responsible, true),
        ne(fundingGrants.funderId, funderId),
      ),
    );
  return other !== undefined;
}

/** One writer of a cluster's year at a time, so two funders cannot both become responsible. */
const lockClusterYear = (tx: Tx, clusterId: string, year: number) =>
  tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`klynge.grants:${clusterId}:${year}`}))`);

/**
 * The responsible funder follows the league rule, or the rule is overridden with a reason; a
 * cluster has one responsible funder a year. Returns the reason to store (none when the rule holds).
 */
async function checkResponsibility(
  tx: Tx,
  funderId: string,
  input: GrantInput,
  league: League,
  level: FunderLevel,
): Promise<string | null> {
  if (!input.responsible) return null;
  if (await anotherIsResponsible(tx, funderId, input.clusterId, input.year))
    throw new AppError('conflict', 'responsible funder taken', [
      { field: 'responsible', message: 'responsibleTaken' },
    ]);
  if (followsLeagueRule(league, level)) return null;
  if (!input.overrideReason) throw invalid('overrideReason', 'overrideReasonRequired');
  return input.overrideReason;
}

/**
 * Registers or corrects a funder's grant to a cluster for a year (one per funder × cluster ×
 * year); returns its id.
 */
export async function saveGrant(
  db: Db,
  caller: Caller,
  funderId: string,
  input: GrantInput,
): Promise<string> {
  authorize(caller.principal, 'grants.manage', { organisationId: funderId });
  return withActor(db, caller.actor, async (tx) => {
    const level = await funderLevelOf(tx, funderId);
    const league = await leagueOf(tx, input.clusterId, input.year);
    await lockClusterYear(tx, input.clusterId, input.year);
    const reason = await checkResponsibility(tx, funderId, input, league, level);
    const values = {
      amountDkk: input.amountDkk,
      source: input.source,
      responsible: input.responsible,
      responsibleOverrideReason: reason,
    };
    const [row] = await tx
      .insert(fundingGrants)
      .values({ funderId, clusterId: input.clusterId, year: input.year, ...values })
      .onConflictDoUpdate({
        target: [fundingGrants.funderId, fundingGrants.clusterId, fundingGrants.year],
        set: values,
      })
      .returning({ id: fundingGrants.id });
    if (!row) throw new Error('upsert returned no grant');
    return row.id;
  });
}

/** Removes one year's grant from a funder's portfolio (the audit log keeps it). */
export async function removeGrant(db: Db, caller: Caller, funderId: string, grantId: string): Promise<void> {
  authorize(caller.principal, 'grants.manage', { organisationId: funderId });
  if (!isUuid(grantId)) throw notFound('grant');
  await withActor(db, caller.actor, async (tx) => {
    const removed = await tx
      .delete(fundingGrants)
      .where(and(eq(fundingGrants.id, grantId), eq(fundingGrants.funderId, funderId)))
      .returning({ id: fundingGrants.id });
    if (removed.length === 0) throw notFound('grant');
  });
}

/**
 * A grant created from a call's allocation, inside the caller's audited transaction (the call's
 * own policy decides who may): the source is the funder's usual budget, and the funder is the
 * cluster's responsible funder for the year when the league rule names its level and no other
 * funder is responsible yet. A grant already registered for the funder, cluster and year is
 * refused, so the register keeps one grant per funder × cluster × year equal to the allocation.
 */
export async function addGrantFromAllocation(
  tx: Tx,
  funderId: string,
  allocation: { clusterId: string; year: number; amountDkk: number },
): Promise<string> {
  const { clusterId, year, amountDkk } = allocation;
  const level = await funderLevelOf(tx, funderId);
  const league = await leagueOf(tx, clusterId, year);
  await lockClusterYear(tx, clusterId, year);
  const responsible =
    followsLeagueRule(league, level) && !(await anotherIsResponsible(tx, funderId, clusterId, year));
  const [row] = await tx
    .insert(fundingGrants)
    .values({ funderId, clusterId, year, amountDkk, source: usualSource(level), responsible })
    .onConflictDoNothing()
    .returning({ id: fundingGrants.id });
  if (!row)
    throw new AppError('conflict', `a grant for ${clusterId} in ${year} is already registered`, [
      { field: 'grants', message: 'grantExists' },
    ]);
  return row.id;
}
