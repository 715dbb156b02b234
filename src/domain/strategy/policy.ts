/**
 * Who keeps Klyngeforum's strategy up to date: the funders of the organisations that own it
 * (the national funders) and admins. The policy module's 'initiatives.manage' rule decides, with
 * each owner organisation as the target; this file only finds the owners for it.
 */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { forbidden } from '../errors.ts';
import { can, type Principal } from '../policy/policy.ts';

/** The organisations that own the national strategy: the national funders. */
async function strategyOwnerIds(db: Queryable): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from organisations where kind = 'funder' and funder_level = 'national' order by name`,
  );
  return rows.map((r) => r.id);
}

/** Whether the principal may change initiatives' status, milestones and links. */
export async function mayManageStrategy(db: Queryable, principal: Principal | null): Promise<boolean> {
  if (!principal) return false;
  // Without a target only the rule's organisation-free part (admins) can allow it.
  if (can(principal, 'initiatives.manage')) return true;
  const owners = await strategyOwnerIds(db);
  return owners.some((organisationId) => can(principal, 'initiatives.manage', { organisationId }));
}

/** Throws `forbidden` unless the principal keeps the strategy. */
export async function authorizeStrategyManager(db: Queryable, principal: Principal): Promise<void> {
  if (!(await mayManageStrategy(db, principal))) throw forbidden('Not allowed: initiatives.manage');
}
