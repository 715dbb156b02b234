/**
 * The outside actors clusters refer companies to (Eksportrådet, Innovationsfonden, EEN, the
 * innovation centres, Invest in Denmark): a list the support function keeps (policy
 * `referralTargets.manage`). A retired target is kept for the referrals made to it but is no
 * longer offered.
 */
import { asc, desc, eq } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { referralTargets } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError, notFound, parseInput } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { authorize, can } from '../policy/policy.ts';
import { referringOrganisations } from './policy.ts';
import { referralTargetInput } from './schemas.ts';

export interface ReferralTarget {
  id: string;
  name: string;
  nameEn: string;
  descriptionDa: string;
  descriptionEn: string;
  url: string;
  active: boolean;
}

const columns = {
  id: referralTargets.id,
  name: referralTargets.name,
  nameEn: referralTargets.nameEn,
  descriptionDa: referralTargets.descriptionDa,
  descriptionEn: referralTargets.descriptionEn,
  url: referralTargets.url,
  active: referralTargets.active,
};

/** Whether the caller keeps the list (support function, admins). */
export const mayManageReferralTargets = (caller: Caller) => can(caller.principal, 'referralTargets.manage');

/** Every target, active first, for those who refer companies or keep the list. */
export async function listReferralTargets(db: Queryable, caller: Caller): Promise<ReferralTarget[]> {
  if (referringOrganisations(caller.principal).length === 0)
    authorize(caller.principal, 'referralTargets.manage');
  return db
    .select(columns)
    .from(referralTargets)
    .orderBy(desc(referralTargets.active), asc(referralTargets.name));
}

/** Refuses anyone but those who keep the list (the new-target form asks this first). */
export function requireReferralTargetKeeper(caller: Caller): void {
  authorize(caller.principal, 'referralTargets.manage');
}

/** Every target, active first, for the support function's page that keeps the list. */
export async function referralTargetsToManage(db: Queryable, caller: Caller): Promise<ReferralTarget[]> {
  requireReferralTargetKeeper(caller);
  return listReferralTargets(db, caller);
}

/** One target, to edit. */
export async function referralTargetToEdit(
  db: Queryable,
  caller: Caller,
  id: string,
): Promise<ReferralTarget> {
  authorize(caller.principal, 'referralTargets.manage');
  const [row] = isUuid(id)
    ? await db.select(columns).from(referralTargets).where(eq(referralTargets.id, id))
    : [];
  if (!row) throw notFound('referral target');
  return row;
}

export async function createReferralTarget(
  db: Db,
  caller: Caller,
  input: unknown,
  now: Date,
): Promise<string> {
  authorize(caller.principal, 'referralTargets.manage');
  const data = parseInput(referralTargetInput, input);
  const [row] = await withActor(db, caller.actor, (tx) =>
    tx
      .insert(referralTargets)
      .values({ ...data, updatedAt: now })
      .returning({ id: referralTargets.id }),
  );
  if (!row) throw new AppError('conflict', 'referral target not saved');
  return row.id;
}

export async function updateReferralTarget(db: Db, caller: Caller, id: string, input: unknown, now: Date) {
  authorize(caller.principal, 'referralTargets.manage');
  const data = parseInput(referralTargetInput, input);
  if (!isUuid(id)) throw notFound('referral target');
  const updated = await withActor(db, caller.actor, (tx) =>
    tx
      .update(referralTargets)
      .set({ ...data, updatedAt: now })
      .where(eq(referralTargets.id, id))
      .returning({ id: referralTargets.id }),
  );
  if (updated.length === 0) throw notFound('referral target');
}
