import { and, eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { type Actor, withActor } from '../../db/actor.ts';
import { type Db, type Queryable, queryRows, type Tx } from '../../db/client.ts';
import { calls, events, municipalities, organisations, posts } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { moveLockedCall } from '../calls/commands.ts';
import { canMove } from '../calls/workflow.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { canManageCallsFor, canPublishFor } from './policy.ts';
import type { PostKind } from './queries.ts';
import type { CallInput, EventInput, PostInput } from './schemas.ts';
import { firstFreeSlug, slugFromTitle } from './slug.ts';

const MAX_SLUG_ATTEMPTS = 3;

function isUniqueViolation(e: unknown): boolean {
  for (let err = e; err instanceof Error || (err && typeof err === 'object'); ) {
    if ((err as { code?: unknown }).code === '23505') return true;
    err = (err as { cause?: unknown }).cause;
  }
  return false;
}

async function freeSlug(tx: Queryable, table: PgTable, title: string): Promise<string> {
  const base = slugFromTitle(title);
  const rows = await queryRows<{ slug: string }>(
    tx,
    sql`select slug from ${table} where slug = ${base} or slug like ${`${base}-%`}`,
  );
  return firstFreeSlug(base, new Set(rows.map((r) => r.slug)));
}

/**
 * Inserts a row under a slug made from the title. Two editors saving the same title at once
 * both see the slug as free; the unique index refuses the second, which then tries again.
 */
async function insertWithSlug(
  db: Db,
  actor: Actor,
  table: PgTable,
  title: string,
  insert: (tx: Tx, slug: string) => Promise<unknown>,
): Promise<{ slug: string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await withActor(db, actor, async (tx) => {
        const slug = await freeSlug(tx, table, title);
        await insert(tx, slug);
        return { slug };
      });
    } catch (e) {
      if (attempt >= MAX_SLUG_ATTEMPTS || !isUniqueViolation(e)) throw e;
    }
  }
}

function requirePublisher(editor: Caller, organisationId: string): void {
  if (!canPublishFor(editor.principal, organisationId))
    throw forbidden('Not allowed: publish for organisation');
}

/** Publishing keeps the first publication time; saving as a draft takes the item off the site. */
function publicationTime(intent: PostInput['intent'], current: Date | null, now: Date): Date | null {
  if (intent === 'draft') return null;
  return current && current <= now ? current : now;
}

// --- news and success stories ---

export function createPost(db: Db, editor: Caller, kind: PostKind, input: PostInput, now: Date) {
  requirePublisher(editor, input.organisationId);
  return insertWithSlug(db, editor.actor, posts, input.title, (tx, slug) =>
    tx.insert(posts).values({
      kind,
      slug,
      organisationId: input.organisationId,
      lang: input.lang,
      title: input.title,
      summary: input.summary,
      body: input.body,
      publishedAt: publicationTime(input.intent, null, now),
      createdBy: editor.principal.userId,
      createdAt: now,
      updatedAt: now,
    }),
  );
}

/** Saves an edit; the editor must be allowed for the item's organisation and for the new one. */
export async function updatePost(
  db: Db,
  editor: Caller,
  kind: PostKind,
  slug: string,
  input: PostInput,
  now: Date,
): Promise<{ slug: string }> {
  return withActor(db, editor.actor, async (tx) => {
    const [current] = await tx
      .select({ id: posts.id, organisationId: posts.organisationId, publishedAt: posts.publishedAt })
      .from(posts)
      .where(and(eq(posts.kind, kind), eq(posts.slug, slug)))
      .for('update');
    if (!current) throw notFound('post');
    requirePublisher(editor, current.organisationId);
    requirePublisher(editor, input.organisationId);
    await tx
      .update(posts)
      .set({
        organisationId: input.organisationId,
        lang: input.lang,
        title: input.title,
        summary: input.summary,
        body: input.body,
        publishedAt: publicationTime(input.intent, current.publishedAt, now),
        updatedAt: now,
      })
      .where(eq(posts.id, current.id));
    return { slug };
  });
}

// --- events ---

async function requireMunicipality(db: Queryable, code: number | null): Promise<void> {
  if (code === null) return;
  const [row] = await db
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(eq(municipalities.code, code));
  if (!row) {
    throw new AppError('validation', 'unknown municipality', [
      { field: 'municipalityCode', message: 'invalid' },
    ]);
  }
}

const eventValues = (input: EventInput) => ({
  organisationId: input.organisationId,
  lang: input.lang,
  title: input.title,
  summary: input.summary,
  body: input.body,
  startsAt: input.startsAt,
  endsAt: input.endsAt,
  location: input.location,
  municipalityCode: input.municipalityCode,
  onlineUrl: input.onlineUrl,
});

export async function createEvent(db: Db, editor: Caller, input: EventInput, now: Date) {
  requirePublisher(editor, input.organisationId);
  await requireMunicipality(db, input.municipalityCode);
  return insertWithSlug(db, editor.actor, events, input.title, (tx, slug) =>
    tx.insert(events).values({
      ...eventValues(input),
      slug,
      publishedAt: publicationTime(input.intent, null, now),
      createdBy: editor.principal.userId,
      createdAt: now,
      updatedAt: now,
    }),
  );
}

export async function updateEvent(
  db: Db,
  editor: Caller,
  slug: string,
  input: EventInput,
  now: Date,
): Promise<{ slug: string }> {
  await requireMunicipality(db, input.municipalityCode);
  return withActor(db, editor.actor, async (tx) => {
    const [current] = await tx
      .select({ id: events.id, organisationId: events.organisationId, publishedAt: events.publishedAt })
      .from(events)
      .where(eq(events.slug, slug))
      .for('update');
    if (!current) throw notFound('event');
    requirePublisher(editor, current.organisationId);
    requirePublisher(editor, input.organisationId);
    await tx
      .update(events)
      .set({
        ...eventValues(input),
        publishedAt: publicationTime(input.intent, current.publishedAt, now),
        updatedAt: now,
      })
      .where(eq(events.id, current.id));
    return { slug };
  });
}

// --- calls ---

async function requireCallOwner(db: Queryable, editor: Caller, organisationId: string): Promise<void> {
  if (!canManageCallsFor(editor.principal, organisationId)) throw forbidden('Not allowed: calls.manage');
  const [org] = await db
    .select({ kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (org?.kind !== 'funder') throw forbidden('Calls are owned by funders');
}

const callValues = (input: CallInput) => ({
  ownerId: input.organisationId,
  title: input.title,
  summary: input.summary,
  body: input.body,
  opensAt: input.opensAt,
  deadline: input.deadline,
});

export async function createCall(db: Db, editor: Caller, input: CallInput, now: Date) {
  await requireCallOwner(db, editor, input.organisationId);
  // A new call starts as a draft; the only status it may skip to is the draft's one next step.
  if (input.status !== 'draft' && !canMove('draft', input.status))
    throw new AppError('validation', `a new call cannot be ${input.status}`, [
      { field: 'status', message: 'transitionNotAllowed' },
    ]);
  return insertWithSlug(db, editor.actor, calls, input.title, (tx, slug) =>
    tx.insert(calls).values({
      ...callValues(input),
      status: input.status,
      slug,
      createdBy: editor.principal.userId,
      createdAt: now,
      updatedAt: now,
    }),
  );
}

export async function updateCall(
  db: Db,
  editor: Caller,
  slug: string,
  input: CallInput,
  now: Date,
): Promise<{ slug: string }> {
  return withActor(db, editor.actor, async (tx) => {
    const [current] = await tx
      .select({ id: calls.id, ownerId: calls.ownerId, status: calls.status, deadline: calls.deadline })
      .from(calls)
      .where(eq(calls.slug, slug))
      .for('update');
    if (!current) throw notFound('call');
    await requireCallOwner(tx, editor, current.ownerId);
    await requireCallOwner(tx, editor, input.organisationId);
    await tx
      .update(calls)
      .set({ ...callValues(input), updatedAt: now })
      .where(eq(calls.id, current.id));
    // The status changes only along the call flow's one transition table, with its checks.
    if (input.status !== current.status) {
      if (!canMove(current.status, input.status))
        throw new AppError('validation', `call cannot move from ${current.status} to ${input.status}`, [
          { field: 'status', message: 'transitionNotAllowed' },
        ]);
      try {
        await moveLockedCall(tx, current, input.status, now);
      } catch (e) {
        // Refused by the call flow (no set-up, before the deadline): a field error on the form.
        if (!(e instanceof AppError) || e.code !== 'conflict') throw e;
        throw new AppError('validation', e.message, [
          { field: 'status', message: e.issues[0]?.message ?? 'transitionNotAllowed' },
        ]);
      }
    }
    return { slug };
  });
}
