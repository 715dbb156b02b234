import { and, eq } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { events, municipalities, posts } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { canPublishFor } from './policy.ts';
import type { PostKind } from './queries.ts';
import type { EventInput, PostInput } from './schemas.ts';
import { insertWithSlug } from './slug.ts';

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

export async function createPost(db: Db, editor: Caller, kind: PostKind, input: PostInput, now: Date) {
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
  targetGroups: input.targetGroups,
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
