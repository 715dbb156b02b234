/**
 * The articles and templates of the knowledge base: everybody reads the public ones, anyone
 * signed in the others; the support function's staff write them (`support.knowledge.manage`).
 */
import { and, asc, eq, max, type SQL } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { knowledgeItems, templateVersions } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { insertWithSlug } from '../content/slug.ts';
import { notFound, parseInput } from '../errors.ts';
import type { Principal } from '../policy/policy.ts';
import { offeringOrganisation } from '../support/services.ts';
import { requireKnowledgeKeeper, requireKnowledgeReader } from './policy.ts';
import {
  type KnowledgeAccess,
  type KnowledgeKind,
  type KnowledgeTopic,
  knowledgeItemInput,
  newKnowledgeItemInput,
} from './schemas.ts';

export interface KnowledgeItem {
  id: string;
  slug: string;
  kind: KnowledgeKind;
  topic: KnowledgeTopic;
  access: KnowledgeAccess;
  titleDa: string;
  titleEn: string;
  summaryDa: string;
  summaryEn: string;
  bodyDa: string;
  bodyEn: string;
  updatedAt: Date;
}

const columns = {
  id: knowledgeItems.id,
  slug: knowledgeItems.slug,
  kind: knowledgeItems.kind,
  topic: knowledgeItems.topic,
  access: knowledgeItems.access,
  titleDa: knowledgeItems.titleDa,
  titleEn: knowledgeItems.titleEn,
  summaryDa: knowledgeItems.summaryDa,
  summaryEn: knowledgeItems.summaryEn,
  bodyDa: knowledgeItems.bodyDa,
  bodyEn: knowledgeItems.bodyEn,
  updatedAt: knowledgeItems.updatedAt,
};

/** An item of the list: a template with the number of its newest version (null before the first). */
export type KnowledgeListItem = Omit<KnowledgeItem, 'bodyDa' | 'bodyEn'> & { latestVersion: number | null };

/** The items the reader may read, by topic and Danish title. */
export async function knowledgeList(db: Queryable, reader: Principal | null): Promise<KnowledgeListItem[]> {
  const { bodyDa: _da, bodyEn: _en, ...listed } = columns;
  const conditions: SQL[] = reader ? [] : [eq(knowledgeItems.access, 'public')];
  return db
    .select({ ...listed, latestVersion: max(templateVersions.version) })
    .from(knowledgeItems)
    .leftJoin(templateVersions, eq(templateVersions.itemId, knowledgeItems.id))
    .where(and(...conditions))
    .groupBy(knowledgeItems.id)
    .orderBy(asc(knowledgeItems.topic), asc(knowledgeItems.titleDa));
}

/** One item, if the reader may read it: a visitor is sent to sign in for a signed-in item. */
export async function knowledgeItemBySlug(
  db: Queryable,
  reader: Principal | null,
  slug: string,
): Promise<KnowledgeItem> {
  const [row] = await db.select(columns).from(knowledgeItems).where(eq(knowledgeItems.slug, slug));
  if (!row) throw notFound('knowledge item');
  requireKnowledgeReader(reader, row);
  return row;
}

/** One item, to edit. */
export async function knowledgeItemToEdit(
  db: Queryable,
  caller: Caller,
  slug: string,
): Promise<KnowledgeItem> {
  requireKnowledgeKeeper(caller);
  return knowledgeItemBySlug(db, caller.principal, slug);
}

export async function createKnowledgeItem(
  db: Db,
  caller: Caller,
  input: unknown,
  now: Date,
): Promise<{ slug: string; kind: KnowledgeKind }> {
  requireKnowledgeKeeper(caller);
  const data = parseInput(newKnowledgeItemInput, input);
  const { slug } = await insertWithSlug(db, caller.actor, knowledgeItems, data.titleDa, async (tx, slug) =>
    tx.insert(knowledgeItems).values({
      ...data,
      slug,
      organisationId: await offeringOrganisation(tx, caller),
      createdAt: now,
      updatedAt: now,
    }),
  );
  return { slug, kind: data.kind };
}

/** Changes an item's texts, topic and access; its kind and address stay. */
export async function updateKnowledgeItem(
  db: Db,
  caller: Caller,
  slug: string,
  input: unknown,
  now: Date,
): Promise<{ kind: KnowledgeKind }> {
  requireKnowledgeKeeper(caller);
  const data = parseInput(knowledgeItemInput, input);
  const [updated] = await withActor(db, caller.actor, (tx) =>
    tx
      .update(knowledgeItems)
      .set({ ...data, updatedAt: now })
      .where(eq(knowledgeItems.slug, slug))
      .returning({ kind: knowledgeItems.kind }),
  );
  if (!updated) throw notFound('knowledge item');
  return updated;
}
