/**
 * Referrals between business hubs and clusters (seed 000): a hub refers a company to one or more
 * clusters in any region, a cluster refers a company to a hub or an outside actor. The recipient
 * accepts or declines (with a reason), records the first contact and then the outcome; every step
 * is written to the history both sides see, and the other side is told in the portal. Each
 * command checks the rules itself (./policy.ts).
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import { type Db, queryRows, type Tx } from '../../db/client.ts';
import { referralEvents, referrals, referralTargets, users } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError, notFound, parseInput } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { addNotifications } from '../notifications/commands.ts';
import { authorize, type Role } from '../policy/policy.ts';
import { copenhagenDate } from '../reference/time.ts';
import { uuidArray } from '../reporting/uuid-array.ts';
import { referralPath } from './paths.ts';
import { type ReferralStanding, referralPermissions, referringOrganisations } from './policy.ts';
import { contactInput, declineInput, outcomeInput, type ReferralInput, referralInput } from './schemas.ts';

type OrganisationKind = 'cluster_organisation' | 'business_service' | 'funder' | 'support_function';

interface Party {
  id: string;
  name: string;
  kind: OrganisationKind;
  regionCode: number | null;
}

/** Whom each kind of organisation refers companies to (seed 000): hubs to clusters, clusters to hubs. */
const REFERS_TO: Partial<Record<OrganisationKind, OrganisationKind>> = {
  business_service: 'cluster_organisation',
  cluster_organisation: 'business_service',
};

/** Who in an organisation of the kind refers companies, and so is told about its referrals. */
const REFERRER_ROLE: Record<'business_service' | 'cluster_organisation', Role> = {
  business_service: 'business_service_staff',
  cluster_organisation: 'cluster_staff',
};
const referrerRole = (kind: OrganisationKind): Role =>
  REFERRER_ROLE[kind as keyof typeof REFERRER_ROLE] ?? 'cluster_staff';

async function parties(tx: Tx, ids: readonly string[]): Promise<Party[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<Party>(
    tx,
    sql`select o.id, o.name, o.kind, coalesce(o.region_code, m.region_code)::int as "regionCode"
        from organisations o left join municipalities m on m.code = o.municipality_code
        where o.id = any(${uuidArray(ids)})`,
  );
  return rows.map((r) => ({ ...r, regionCode: r.regionCode === null ? null : Number(r.regionCode) }));
}

/** The name the history shows for the caller: the user's name, else the actor's label. */
export async function actorName(tx: Tx, caller: Caller): Promise<string> {
  const [user] = caller.actor.userId
    ? await tx.select({ name: users.name }).from(users).where(eq(users.id, caller.actor.userId))
    : [];
  return user?.name ?? caller.actor.label;
}

/** The referring organisation: the one the input names, else the caller's first. */
function requestedSender(caller: Caller, input: unknown): string | undefined {
  const named = (input as { fromOrganisationId?: unknown } | null)?.fromOrganisationId;
  return typeof named === 'string' && named !== '' ? named : referringOrganisations(caller.principal)[0];
}

const invalid = (field: string, message: string) =>
  new AppError('validation', 'Invalid input', [{ field, message }]);

/** The recipients of a new referral: organisations of the kind the sender refers to, active targets. */
async function recipientsOf(tx: Tx, sender: Party, data: ReferralInput) {
  const wanted = REFERS_TO[sender.kind];
  const organisations = await parties(tx, [...new Set(data.recipientIds)]);
  if (
    organisations.length !== new Set(data.recipientIds).size ||
    organisations.some((o) => o.kind !== wanted)
  )
    throw invalid('recipientIds', 'recipients');
  const targetIds = [...new Set(data.targetIds)];
  // Outside actors are for clusters to refer to; hubs have their own channels to them.
  if (targetIds.length > 0 && sender.kind !== 'cluster_organisation')
    throw invalid('recipientIds', 'recipients');
  const targets =
    targetIds.length === 0
      ? []
      : await tx
          .select({ id: referralTargets.id, name: referralTargets.name })
          .from(referralTargets)
          .where(and(inArray(referralTargets.id, targetIds), eq(referralTargets.active, true)));
  if (targets.length !== targetIds.length) throw invalid('recipientIds', 'recipients');
  return { organisations, targets };
}

export interface SendResult {
  batchId: string;
  ids: string[];
}

/**
 * Refers a company to one or more recipients: one referral each, sent together. The contact's
 * details are kept only with the company's consent, recorded now. Each recipient organisation is
 * told in the portal.
 */
export async function sendReferral(db: Db, caller: Caller, input: unknown, now: Date): Promise<SendResult> {
  const fromId = requestedSender(caller, input);
  authorize(caller.principal, 'referrals.manage', fromId ? { organisationId: fromId } : {});
  const data = parseInput(referralInput, input);
  return withActor(db, caller.actor, async (tx) => {
    const [sender] = await parties(tx, [fromId as string]);
    if (!sender || !REFERS_TO[sender.kind]) throw invalid('fromOrganisationId', 'from');
    const { organisations, targets } = await recipientsOf(tx, sender, data);
    const batchId = randomUUID();
    const common = {
      batchId,
      fromOrganisationId: sender.id,
      fromRegionCode: sender.regionCode,
      cvr: data.cvr,
      companyName: data.companyName,
      theme: data.theme,
      need: data.need,
      contactName: data.contactName,
      contactEmail: data.contactEmail.toLowerCase(),
      contactPhone: data.contactPhone,
      consentRecordedAt: now,
      sentAt: now,
      createdBy: caller.actor.userId,
    };
    const rows = await tx
      .insert(referrals)
      .values([
        ...organisations.map((o) => ({ ...common, toOrganisationId: o.id, toRegionCode: o.regionCode })),
        ...targets.map((t) => ({ ...common, toTargetId: t.id })),
      ])
      .returning({ id: referrals.id, toOrganisationId: referrals.toOrganisationId });
    const name = await actorName(tx, caller);
    await tx.insert(referralEvents).values(
      rows.map((r) => ({
        referralId: r.id,
        kind: 'sent' as const,
        at: now,
        organisationId: sender.id,
        actorName: name,
      })),
    );
    await addNotifications(
      tx,
      rows
        .filter((r) => r.toOrganisationId !== null)
        .map((r) => ({
          recipientOrganisationId: r.toOrganisationId as string,
          recipientRole: referrerRole(
            organisations.find((o) => o.id === r.toOrganisationId)?.kind ?? 'cluster_organisation',
          ),
          text: `Ny henvisning fra ${sender.name}: ${data.companyName} (CVR ${data.cvr})`,
          textEn: `New referral from ${sender.name}: ${data.companyName} (CVR ${data.cvr})`,
          link: referralPath(r.id),
          createdAt: now,
        })),
    );
    return { batchId, ids: rows.map((r) => r.id) };
  });
}

interface LockedReferral extends ReferralStanding {
  companyName: string;
  sentAt: Date;
}

/** The referral's row, locked for the rest of the transaction so two answers cannot cross. */
async function lockedReferral(tx: Tx, id: string): Promise<LockedReferral> {
  if (!isUuid(id)) throw notFound('referral');
  const [row] = await tx
    .select({
      fromOrganisationId: referrals.fromOrganisationId,
      toOrganisationId: referrals.toOrganisationId,
      status: referrals.status,
      companyName: referrals.companyName,
      sentAt: referrals.sentAt,
    })
    .from(referrals)
    .where(eq(referrals.id, id))
    .for('update');
  if (!row) throw notFound('referral');
  return row;
}

type Step = 'accept' | 'decline' | 'recordContact' | 'recordOutcome';

/**
 * One step on a referral: locks it, refuses callers who may not take the step (forbidden) and
 * steps that do not fit its status (conflict), applies the change, writes the history and tells
 * the other side.
 */
async function takeStep(
  db: Db,
  caller: Caller,
  id: string,
  step: Step,
  now: Date,
  apply: (
    tx: Tx,
    referral: LockedReferral,
  ) => Promise<{ note: string | null; told: { da: string; en: string } }>,
): Promise<void> {
  await withActor(db, caller.actor, async (tx) => {
    const referral = await lockedReferral(tx, id);
    const may = referralPermissions(caller.principal, referral);
    if (!may[step]) {
      const actingSide =
        step === 'recordOutcome' && referral.toOrganisationId === null
          ? referral.fromOrganisationId
          : referral.toOrganisationId;
      // Not a side that takes this step at all: forbidden; the right side at the wrong time: conflict.
      authorize(caller.principal, 'referrals.manage', actingSide ? { organisationId: actingSide } : {});
      throw new AppError('conflict', `Referral is ${referral.status}: cannot ${step}`);
    }
    const actingOrganisation = referral.toOrganisationId ?? referral.fromOrganisationId;
    const { note, told } = await apply(tx, referral);
    const kind = (
      {
        accept: 'accepted',
        decline: 'declined',
        recordContact: 'contacted',
        recordOutcome: 'completed',
      } as const
    )[step];
    await tx.insert(referralEvents).values({
      referralId: id,
      kind,
      at: now,
      organisationId: actingOrganisation,
      actorName: await actorName(tx, caller),
      note,
    });
    // The sender is told what the recipient did; an outside actor's outcome is the sender's own.
    const [sender] = await parties(tx, [referral.fromOrganisationId]);
    if (referral.toOrganisationId !== null && sender)
      await addNotifications(tx, [
        {
          recipientOrganisationId: sender.id,
          recipientRole: referrerRole(sender.kind),
          text: told.da,
          textEn: told.en,
          link: referralPath(id),
          createdAt: now,
        },
      ]);
  });
}

/** A date the recipient states: not before the day the referral was sent, not after today. */
function statedDate(field: string, date: string, sentAt: Date, now: Date): string {
  if (date < copenhagenDate(sentAt)) throw invalid(field, 'beforeSent');
  if (date > copenhagenDate(now)) throw invalid(field, 'future');
  return date;
}

export function acceptReferral(db: Db, caller: Caller, id: string, now: Date): Promise<void> {
  return takeStep(db, caller, id, 'accept', now, async (tx, r) => {
    await tx.update(referrals).set({ status: 'accepted', acceptedAt: now }).where(eq(referrals.id, id));
    return {
      note: null,
      told: {
        da: `Henvisningen af ${r.companyName} er taget imod`,
        en: `The referral of ${r.companyName} was accepted`,
      },
    };
  });
}

export function declineReferral(
  db: Db,
  caller: Caller,
  id: string,
  input: unknown,
  now: Date,
): Promise<void> {
  return takeStep(db, caller, id, 'decline', now, async (tx, r) => {
    const data = parseInput(declineInput, input);
    await tx
      .update(referrals)
      .set({ status: 'declined', declinedAt: now, closedAt: now })
      .where(eq(referrals.id, id));
    return {
      note: data.reason,
      told: {
        da: `Henvisningen af ${r.companyName} er afvist`,
        en: `The referral of ${r.companyName} was declined`,
      },
    };
  });
}

export function recordContact(db: Db, caller: Caller, id: string, input: unknown, now: Date): Promise<void> {
  return takeStep(db, caller, id, 'recordContact', now, async (tx, r) => {
    const data = parseInput(contactInput, input);
    const contactedOn = statedDate('contactedOn', data.contactedOn, r.sentAt, now);
    await tx.update(referrals).set({ status: 'contacted', contactedOn }).where(eq(referrals.id, id));
    return {
      note: data.note,
      told: { da: `${r.companyName} er kontaktet`, en: `${r.companyName} has been contacted` },
    };
  });
}

export function recordOutcome(db: Db, caller: Caller, id: string, input: unknown, now: Date): Promise<void> {
  return takeStep(db, caller, id, 'recordOutcome', now, async (tx, r) => {
    const data = parseInput(outcomeInput, input);
    const outcomeOn = statedDate('outcomeOn', data.outcomeOn, r.sentAt, now);
    await tx
      .update(referrals)
      .set({ status: 'completed', outcome: data.outcome, outcomeOn, closedAt: now })
      .where(eq(referrals.id, id));
    return {
      note: data.note,
      told: {
        da: `Henvisningen af ${r.companyName} har fået et udfald`,
        en: `The referral of ${r.companyName} has an outcome`,
      },
    };
  });
}
