/**
 * Merging two records of one organisation (the same company or hub registered twice) into the
 * surviving one: every reference to the removed record is moved, the removed record is deleted and
 * a merge log row keeps its name and CVR, all in one audited transaction (docs/organisations.md).
 * The references are read from the database's own foreign keys, so a table added later is moved
 * without changing this file.
 */
import { eq, sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import { type Db, type Queryable, queryRows, type Tx } from '../../db/client.ts';
import { organisationMerges, organisations } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { isUniqueViolation } from '../content/slug.ts';
import { AppError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { authorize } from '../policy/policy.ts';
import type { OrganisationKind } from './schemas.ts';

/** A column that references organisations(id); `single` when it is unique on its own (a 1:1 profile row). */
export interface OrganisationReference {
  table: string;
  column: string;
  single: boolean;
}

/** Every foreign key column that points at organisations(id), from the catalogue. */
export async function organisationReferences(db: Queryable): Promise<OrganisationReference[]> {
  return queryRows<OrganisationReference>(
    db,
    sql`select c.conrelid::regclass::text as "table", a.attname as "column",
               exists (select 1 from pg_index i where i.indrelid = c.conrelid and i.indisunique
                       and i.indnkeyatts = 1 and i.indkey[0] = a.attnum) as "single"
        from pg_constraint c
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
        where c.contype = 'f' and c.confrelid = 'organisations'::regclass and cardinality(c.conkey) = 1
        order by 1, 2`,
  );
}

/** How many rows of each referencing table point at the organisation; counted in SQL, tables with none left out. */
export async function referenceCounts(
  db: Queryable,
  id: string,
): Promise<{ table: string; column: string; count: number }[]> {
  const references = await organisationReferences(db);
  const counts = sql.join(
    references.map(
      (r) =>
        sql`select ${r.table} as "table", ${r.column} as "column", count(*)::int as count
            from ${sql.identifier(r.table)} where ${sql.identifier(r.column)} = ${id}`,
    ),
    sql` union all `,
  );
  const rows = await queryRows<{ table: string; column: string; count: number }>(db, counts);
  return rows.filter((r) => r.count > 0);
}

interface MergeRecord {
  id: string;
  kind: OrganisationKind;
  name: string;
  cvr: string | null;
  successorId: string | null;
}

async function recordOf(tx: Queryable, id: string): Promise<MergeRecord> {
  if (!isUuid(id)) throw new AppError('not_found', 'no such organisation');
  const [row] = await tx
    .select({
      id: organisations.id,
      kind: organisations.kind,
      name: organisations.name,
      cvr: organisations.cvr,
      successorId: organisations.successorId,
    })
    .from(organisations)
    .where(eq(organisations.id, id));
  if (!row) throw new AppError('not_found', 'no such organisation');
  return row;
}

const refusal = (message: string, reason: string) =>
  new AppError('conflict', message, [{ field: 'survivorId', message: reason }]);

/** Why two records cannot be merged, before anything is written; none when they can. */
async function refuseUnmergeable(tx: Queryable, removed: MergeRecord, survivor: MergeRecord): Promise<void> {
  if (removed.id === survivor.id) throw refusal('same organisation', 'mergeSame');
  if (removed.kind !== survivor.kind) throw refusal('different kinds', 'mergeKinds');
  if (removed.successorId === survivor.id || survivor.successorId === removed.id) {
    throw refusal('one succeeds the other', 'mergeSuccession');
  }
  // Reported figures stay where they were reported (docs/organisations.md): a cluster that has
  // reported is ended with a successor, not merged, so no approved year changes.
  const [reported] = await queryRows<{ reported: boolean }>(
    tx,
    sql`select exists (select 1 from activities where cluster_id = ${removed.id})
            or exists (select 1 from reporting_periods where cluster_id = ${removed.id}) as reported`,
  );
  if (reported?.reported) throw refusal('removed record has reported', 'mergeReported');
}

/** What a merge would do, for the "Tjek og flet" page: both records and the references that move. */
export async function mergePreview(db: Queryable, caller: Caller, removedId: string, survivorId: string) {
  authorize(caller.principal, 'organisations.merge');
  const removed = await recordOf(db, removedId);
  const survivor = await recordOf(db, survivorId);
  let refused: string | null = null;
  try {
    await refuseUnmergeable(db, removed, survivor);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    refused = e.issues[0]?.message ?? null;
  }
  return { removed, survivor, references: await referenceCounts(db, removed.id), refused };
}

/** The record to remove and the other organisations of its kind it may be merged into, by name. */
export async function mergeCandidates(db: Queryable, caller: Caller, removedId: string) {
  authorize(caller.principal, 'organisations.merge');
  const removed = await recordOf(db, removedId);
  const candidates = await queryRows<{ id: string; name: string; cvr: string | null }>(
    db,
    sql`select id, name, cvr from ${organisations}
        where kind = ${removed.kind} and id <> ${removed.id} order by name, cvr`,
  );
  return { removed, candidates };
}

/** Points one referencing column at the survivor; a 1:1 profile row of the removed gives way to the survivor's. */
async function moveReference(tx: Tx, r: OrganisationReference, removedId: string, survivorId: string) {
  const table = sql.identifier(r.table);
  const column = sql.identifier(r.column);
  if (r.single) {
    await tx.execute(
      sql`delete from ${table} where ${column} = ${removedId}
          and exists (select 1 from ${table} s where s.${column} = ${survivorId})`,
    );
  }
  const [moved] = await queryRows<{ count: number }>(
    tx,
    sql`with moved as (update ${table} set ${column} = ${survivorId} where ${column} = ${removedId} returning 1)
        select count(*)::int as count from moved`,
  );
  return moved?.count ?? 0;
}

/**
 * Merges the removed record into the survivor. Refused (conflict, nothing written) for different
 * kinds, for a removed cluster that has reported, and where a moved row would duplicate one the
 * survivor already has (the same grant year, the same person's role, …): the whole transaction
 * is undone and the message names what collides.
 */
export async function mergeOrganisations(
  db: Db,
  caller: Caller,
  input: { removedId: string; survivorId: string },
): Promise<{ movedReferences: number }> {
  authorize(caller.principal, 'organisations.merge');
  return withActor(db, caller.actor, async (tx) => {
    // Both rows locked in id order so two merges of the same pair cannot cross.
    await tx.execute(
      sql`select id from ${organisations} where id in (${input.removedId}, ${input.survivorId})
          order by id for update`,
    );
    const removed = await recordOf(tx, input.removedId);
    const survivor = await recordOf(tx, input.survivorId);
    await refuseUnmergeable(tx, removed, survivor);
    let movedReferences = 0;
    for (const r of await organisationReferences(tx)) {
      try {
        movedReferences += await moveReference(tx, r, removed.id, survivor.id);
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        throw new AppError('conflict', `both records have the same row in ${r.table}`, [
          { field: 'survivorId', message: 'mergeDuplicate' },
        ]);
      }
    }
    await tx.delete(organisations).where(eq(organisations.id, removed.id));
    await tx.insert(organisationMerges).values({
      survivorId: survivor.id,
      removedId: removed.id,
      removedKind: removed.kind,
      removedName: removed.name,
      removedCvr: removed.cvr,
      movedReferences,
    });
    return { movedReferences };
  });
}
