/**
 * The versions of a template: each upload adds the next version with its "what changed" text;
 * no version is replaced, so a link to an old one keeps working and the changelog is complete.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { withActor } from '../../db/actor.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { knowledgeItems, templateVersions } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { safeFileName } from '../calls/attachments.ts';
import { AppError, notFound, parseInput } from '../errors.ts';
import type { Principal } from '../policy/policy.ts';
import { requireKnowledgeKeeper, requireKnowledgeReader } from './policy.ts';
import { TEMPLATE_MAX_BYTES, TEMPLATE_TYPES, templateVersionInput } from './schemas.ts';

export interface TemplateVersion {
  version: number;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  changesDa: string;
  changesEn: string;
  uploadedAt: Date;
}

/** The changelog of a template, newest version first (the item's reader is checked by the caller). */
export async function templateChangelog(db: Queryable, itemId: string): Promise<TemplateVersion[]> {
  return db
    .select({
      version: templateVersions.version,
      fileName: templateVersions.fileName,
      mediaType: templateVersions.mediaType,
      sizeBytes: templateVersions.sizeBytes,
      changesDa: templateVersions.changesDa,
      changesEn: templateVersions.changesEn,
      uploadedAt: templateVersions.uploadedAt,
    })
    .from(templateVersions)
    .where(eq(templateVersions.itemId, itemId))
    .orderBy(desc(templateVersions.version));
}

/** The file's type recognised from its bytes, never from its name; refused when too large or not a document. */
async function acceptableTemplateFile(bytes: Uint8Array) {
  if (bytes.byteLength === 0)
    throw new AppError('validation', 'no file', [{ field: 'file', message: 'missing' }]);
  if (bytes.byteLength > TEMPLATE_MAX_BYTES)
    throw new AppError('too_large', 'template too large', [{ field: 'file', message: 'too_large' }]);
  const type = await fileTypeFromBuffer(bytes);
  const extension = type ? TEMPLATE_TYPES[type.mime] : undefined;
  if (!type || !extension)
    throw new AppError('validation', 'template type not allowed', [{ field: 'file', message: 'type' }]);
  return { mime: type.mime, extension };
}

/**
 * Adds the next version of a template. The template's row is locked while the number is taken,
 * so two uploads at once get two numbers (the unique index would refuse a duplicate anyway).
 */
export async function addTemplateVersion(
  db: Db,
  caller: Caller,
  slug: string,
  file: { name: string; bytes: Uint8Array },
  input: unknown,
  now: Date,
): Promise<{ version: number }> {
  requireKnowledgeKeeper(caller);
  const changes = parseInput(templateVersionInput, input);
  const { mime, extension } = await acceptableTemplateFile(file.bytes);
  return withActor(db, caller.actor, async (tx) => {
    const [item] = await tx
      .select({ id: knowledgeItems.id, kind: knowledgeItems.kind })
      .from(knowledgeItems)
      .where(eq(knowledgeItems.slug, slug))
      .for('update');
    if (item?.kind !== 'template') throw notFound('template');
    const [next] = await tx
      .select({ version: sql<number>`coalesce(max(${templateVersions.version}), 0)::int + 1` })
      .from(templateVersions)
      .where(eq(templateVersions.itemId, item.id));
    const version = next?.version ?? 1;
    await tx.insert(templateVersions).values({
      itemId: item.id,
      version,
      fileName: safeFileName(file.name, extension),
      mediaType: mime,
      sizeBytes: file.bytes.byteLength,
      content: file.bytes,
      ...changes,
      uploadedAt: now,
    });
    await tx.update(knowledgeItems).set({ updatedAt: now }).where(eq(knowledgeItems.id, item.id));
    return { version };
  });
}

/** One version's file, for those who may read the template. */
export async function templateFile(db: Queryable, reader: Principal | null, slug: string, version: number) {
  const [row] = await db
    .select({
      access: knowledgeItems.access,
      fileName: templateVersions.fileName,
      mediaType: templateVersions.mediaType,
      content: templateVersions.content,
    })
    .from(templateVersions)
    .innerJoin(knowledgeItems, eq(knowledgeItems.id, templateVersions.itemId))
    .where(and(eq(knowledgeItems.slug, slug), eq(templateVersions.version, version)));
  if (!row) throw notFound('template version');
  requireKnowledgeReader(reader, row);
  return { fileName: row.fileName, mediaType: row.mediaType, content: row.content, access: row.access };
}
