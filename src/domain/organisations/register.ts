/**
 * Commands of the organisation register: create, edit and end organisations of every kind.
 * Admins and support staff (`organisations.manage`); every change is audited through withActor.
 */
import { and, eq, ne } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import type { Db, Tx } from '../../db/client.ts';
import { clusters, organisations } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { insertWithSlug } from '../content/slug.ts';
import { AppError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { authorize } from '../policy/policy.ts';
import { MUNICIPALITIES } from '../reference/geography.ts';
import type { EndOrganisationInput, OrganisationInput } from './schemas.ts';

/** The organisation's own columns from the form; the region of a regional funder is its municipality's. */
function columnsOf(input: OrganisationInput) {
  const regionCode =
    input.funderLevel === 'regional'
      ? (MUNICIPALITIES.find((m) => m.code === input.municipalityCode)?.regionCode ?? null)
      : null;
  return {
    name: input.name,
    cvr: input.cvr ?? null,
    address: input.address ?? null,
    municipalityCode: input.municipalityCode ?? null,
    funderLevel: input.kind === 'funder' ? (input.funderLevel ?? null) : null,
    regionCode,
  };
}

/** A CVR belongs to one organisation: refused as a field error rather than by the unique index. */
async function refuseTakenCvr(tx: Tx, cvr: string | undefined, exceptId?: string): Promise<void> {
  if (!cvr) return;
  const [taken] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.cvr, cvr), exceptId ? ne(organisations.id, exceptId) : undefined));
  if (taken) throw new AppError('conflict', 'CVR taken', [{ field: 'cvr', message: 'cvrTaken' }]);
}

/** Creates an organisation (with its cluster profile when it is a cluster organisation); returns its id. */
export async function createOrganisation(db: Db, caller: Caller, input: OrganisationInput): Promise<string> {
  authorize(caller.principal, 'organisations.manage');
  let id = '';
  await insertWithSlug(db, caller.actor, organisations, input.name, async (tx, slug) => {
    await refuseTakenCvr(tx, input.cvr);
    const [row] = await tx
      .insert(organisations)
      .values({ kind: input.kind, slug, ...columnsOf(input) })
      .returning({ id: organisations.id });
    if (!row) throw new Error('insert returned no organisation');
    if (input.kind === 'cluster_organisation' && input.league) {
      await tx.insert(clusters).values({ organisationId: row.id, league: input.league });
    }
    id = row.id;
  });
  return id;
}

/** The kind of an existing organisation, or not_found. */
async function kindOf(tx: Tx, id: string) {
  if (!isUuid(id)) throw new AppError('not_found', 'no such organisation');
  const [row] = await tx
    .select({ kind: organisations.kind, endedOn: organisations.endedOn })
    .from(organisations)
    .where(eq(organisations.id, id))
    .for('update');
  if (!row) throw new AppError('not_found', 'no such organisation');
  return row;
}

/**
 * Edits an organisation. Its kind is fixed at creation (a cluster's reports, a funder's grants
 * hang on it): a different kind in the input is refused. The address (slug) stays, so links keep working.
 */
export async function updateOrganisation(
  db: Db,
  caller: Caller,
  id: string,
  input: OrganisationInput,
): Promise<void> {
  authorize(caller.principal, 'organisations.manage');
  await withActor(db, caller.actor, async (tx) => {
    const current = await kindOf(tx, id);
    if (current.kind !== input.kind) {
      throw new AppError('validation', 'kind cannot change', [{ field: 'kind', message: 'kindFixed' }]);
    }
    await refuseTakenCvr(tx, input.cvr, id);
    await tx
      .update(organisations)
      .set({ ...columnsOf(input), updatedAt: new Date() })
      .where(eq(organisations.id, id));
    if (input.kind === 'cluster_organisation' && input.league) {
      await tx
        .update(clusters)
        .set({ league: input.league, updatedAt: new Date() })
        .where(eq(clusters.organisationId, id));
    }
  });
}

/**
 * Ends an organisation on a day. Only a cluster organisation has a successor, and it must be
 * another cluster organisation that has not ended: the rule for its figures is in
 * docs/organisations.md. A cluster's end is also its profile's `ended_on`, which the catalogue
 * and the account read.
 */
export async function endOrganisation(
  db: Db,
  caller: Caller,
  id: string,
  input: EndOrganisationInput,
): Promise<void> {
  authorize(caller.principal, 'organisations.manage');
  await withActor(db, caller.actor, async (tx) => {
    const current = await kindOf(tx, id);
    if (current.endedOn) throw new AppError('conflict', 'already ended');
    if (input.successorId) {
      if (current.kind !== 'cluster_organisation' || input.successorId === id) {
        throw new AppError('validation', 'no successor', [{ field: 'successorId', message: 'invalid' }]);
      }
      const [successor] = await tx
        .select({ kind: organisations.kind, endedOn: organisations.endedOn })
        .from(organisations)
        .where(eq(organisations.id, input.successorId));
      if (successor?.kind !== 'cluster_organisation' || successor.endedOn) {
        throw new AppError('validation', 'successor must be an active cluster', [
          { field: 'successorId', message: 'invalid' },
        ]);
      }
    }
    await tx
      .update(organisations)
      .set({ endedOn: input.endedOn, successorId: input.successorId ?? null, updatedAt: new Date() })
      .where(eq(organisations.id, id));
    if (current.kind === 'cluster_organisation') {
      await tx
        .update(clusters)
        .set({ endedOn: input.endedOn, updatedAt: new Date() })
        .where(eq(clusters.organisationId, id));
    }
  });
}
