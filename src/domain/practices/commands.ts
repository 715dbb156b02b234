/**
 * The life of a best-practice case: a cluster's or a hub's staff propose it; the support
 * function edits it and publishes it, or rejects it with a reason. The proposer is told the
 * outcome in the portal. Every change is audited; a published case enters the search by trigger.
 */
import { eq, sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import { type Db, type Queryable, queryRows, type Tx } from '../../db/client.ts';
import { practiceCaseActors, practiceCases } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { insertWithSlug } from '../content/slug.ts';
import { AppError, notFound, parseInput } from '../errors.ts';
import { addNotifications } from '../notifications/commands.ts';
import { uuidArray } from '../reporting/uuid-array.ts';
import { proposerFor, requirePracticeReviewer } from './policy.ts';
import { ACTOR_KIND } from './queries.ts';
import { type PracticeCaseInput, practiceCaseInput, proposalInput, rejectionInput } from './schemas.ts';

const validation = (field: string, message: string) =>
  new AppError('validation', 'Invalid input', [{ field, message }]);

/** Refuses actors that are not current organisations of the register of the kinds a case names. */
async function checkActors(db: Queryable, actors: readonly string[]): Promise<void> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from organisations
        where id = any(${uuidArray(actors)}) and ended_on is null
          and ${ACTOR_KIND}`,
  );
  if (row?.n !== actors.length) throw validation('actors', 'actors');
}

/** The case's own columns: its actors are rows of their own. */
const columnsOf = ({ actors: _actors, ...columns }: PracticeCaseInput): Omit<PracticeCaseInput, 'actors'> =>
  columns;

async function replaceActors(tx: Tx, caseId: string, actors: readonly string[]): Promise<void> {
  await tx.delete(practiceCaseActors).where(eq(practiceCaseActors.caseId, caseId));
  await tx.insert(practiceCaseActors).values(actors.map((organisationId) => ({ caseId, organisationId })));
}

/** Proposes a case for one of the caller's clusters or hubs; it waits for the support function. */
export async function proposePracticeCase(
  db: Db,
  caller: Caller,
  input: unknown,
  now: Date,
): Promise<{ slug: string }> {
  const data = parseInput(proposalInput, input);
  const proposerOrganisationId = proposerFor(caller, data.proposerId);
  await checkActors(db, data.actors);
  const { proposerId: _p, ...rest } = data;
  return insertWithSlug(db, caller.actor, practiceCases, data.title, async (tx, slug) => {
    const [row] = await tx
      .insert(practiceCases)
      .values({
        ...columnsOf(rest),
        slug,
        proposerOrganisationId,
        proposedBy: caller.principal.userId,
        proposedAt: now,
        updatedAt: now,
      })
      .returning({ id: practiceCases.id });
    await replaceActors(tx, row?.id as string, data.actors);
  });
}

/** The case to review, locked, or not found. */
async function caseToReview(tx: Tx, slug: string) {
  const [row] = await tx.select().from(practiceCases).where(eq(practiceCases.slug, slug)).for('update');
  if (!row) throw notFound('practice case');
  return row;
}

/** The support function edits a case's texts, model, regions, themes and actors; its state stays. */
export async function updatePracticeCase(
  db: Db,
  caller: Caller,
  slug: string,
  input: unknown,
  now: Date,
): Promise<void> {
  requirePracticeReviewer(caller);
  const data = parseInput(practiceCaseInput, input);
  await checkActors(db, data.actors);
  await withActor(db, caller.actor, async (tx) => {
    const found = await caseToReview(tx, slug);
    await tx
      .update(practiceCases)
      .set({ ...columnsOf(data), updatedAt: now })
      .where(eq(practiceCases.id, found.id));
    await replaceActors(tx, found.id, data.actors);
  });
}

/** Tells the person who proposed the case what became of it. */
async function tellProposer(
  tx: Tx,
  found: { proposedBy: string | null; title: string; slug: string },
  outcome: { da: string; en: string },
  now: Date,
) {
  if (!found.proposedBy) return;
  await addNotifications(tx, [
    {
      recipientUserId: found.proposedBy,
      text: `${outcome.da}: ${found.title}`,
      textEn: `${outcome.en}: ${found.title}`,
      link: `/viden/god-praksis/${found.slug}`,
      createdAt: now,
    },
  ]);
}

/**
 * Ends the review of a proposed case (published or rejected) and tells its proposer; a case
 * reviewed already is a conflict.
 */
async function closeReview(
  db: Db,
  caller: Caller,
  slug: string,
  outcome: Partial<typeof practiceCases.$inferInsert>,
  told: { da: string; en: string },
  now: Date,
): Promise<void> {
  await withActor(db, caller.actor, async (tx) => {
    const found = await caseToReview(tx, slug);
    if (found.status !== 'proposed') throw new AppError('conflict', 'The case has been reviewed');
    await tx
      .update(practiceCases)
      .set({ ...outcome, reviewedBy: caller.principal.userId, reviewedAt: now })
      .where(eq(practiceCases.id, found.id));
    await tellProposer(tx, found, told, now);
  });
}

/** Publishes a proposed case: it appears in the catalogue and the search at once. */
export async function publishPracticeCase(db: Db, caller: Caller, slug: string, now: Date): Promise<void> {
  requirePracticeReviewer(caller);
  await closeReview(
    db,
    caller,
    slug,
    { status: 'published', publishedAt: now },
    { da: 'Dit eksempel på god praksis er offentliggjort', en: 'Your good-practice case was published' },
    now,
  );
}

/** Rejects a proposed case with a reason the proposer sees. */
export async function rejectPracticeCase(
  db: Db,
  caller: Caller,
  slug: string,
  input: unknown,
  now: Date,
): Promise<void> {
  requirePracticeReviewer(caller);
  const { reason } = parseInput(rejectionInput, input);
  await closeReview(
    db,
    caller,
    slug,
    { status: 'rejected', rejectReason: reason },
    { da: 'Dit eksempel på god praksis er afvist', en: 'Your good-practice case was rejected' },
    now,
  );
}
