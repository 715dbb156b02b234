import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { withActor } from '../../db/actor.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { applicationAttachments, applications } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError, notFound } from '../errors.ts';
import { applicationFacts } from './parties.ts';
import { authorizeApplication } from './policy.ts';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from './schemas.ts';

/** Attachments live in `<dataDir>/attachments/`, outside the web root, under a random name. */
const folder = (dataDir: string) => resolve(dataDir, 'attachments');

/** A file name safe for a Content-Disposition header: no path, no quotes or control characters. */
export function safeFileName(name: string, extension: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/[^\p{L}\p{N} ._-]/gu, '_')
    .replace(/\.[^.]*$/, '')
    .trim()
    .slice(0, 100);
  return `${base || 'bilag'}.${extension}`;
}

/**
 * The type of a file that may be attached, recognised from its bytes; refused when it is too
 * large (`too_large`) or of a type not allowed (`type`). Checked again by addAttachment.
 */
export async function acceptableAttachment(bytes: Uint8Array) {
  if (bytes.byteLength > ATTACHMENT_MAX_BYTES)
    throw new AppError('too_large', 'attachment too large', [{ field: 'file', message: 'too_large' }]);
  const type = await fileTypeFromBuffer(bytes);
  const extension = type ? ATTACHMENT_TYPES[type.mime] : undefined;
  if (!type || !extension)
    throw new AppError('validation', 'attachment type not allowed', [{ field: 'file', message: 'type' }]);
  return { type, extension };
}

/** Stores an attachment to a draft; the type is recognised from the bytes, never from the name. */
export async function addAttachment(
  db: Db,
  editor: Caller,
  dataDir: string,
  applicationId: string,
  file: { name: string; bytes: Uint8Array },
  now: Date,
) {
  const { type, extension } = await acceptableAttachment(file.bytes);
  const storageKey = `${randomUUID()}.${extension}`;
  await mkdir(folder(dataDir), { recursive: true });
  const path = join(folder(dataDir), storageKey);
  await writeFile(path, file.bytes, { flag: 'wx' });
  try {
    return await withActor(db, editor.actor, async (tx) => {
      const [app] = await tx
        .select()
        .from(applications)
        .where(eq(applications.id, applicationId))
        .for('update');
      if (!app) throw notFound('application');
      authorizeApplication(editor.principal, 'apply', app);
      if (app.status !== 'draft') throw new AppError('conflict', 'application is no longer a draft');
      const [row] = await tx
        .insert(applicationAttachments)
        .values({
          applicationId,
          fileName: safeFileName(file.name, extension),
          mediaType: type.mime,
          sizeBytes: file.bytes.byteLength,
          storageKey,
          createdAt: now,
        })
        .returning();
      if (!row) throw new Error('attachment not stored');
      return row;
    });
  } catch (e) {
    await rm(path, { force: true });
    throw e;
  }
}

/** Those who may read the application: see applicationRules.read. */
async function requireReader(db: Queryable, editor: Caller, applicationId: string) {
  const facts = await applicationFacts(db, editor.principal, applicationId);
  if (!facts) throw notFound('application');
  authorizeApplication(editor.principal, 'read', facts);
}

export async function listAttachments(db: Queryable, editor: Caller, applicationId: string) {
  await requireReader(db, editor, applicationId);
  return db
    .select()
    .from(applicationAttachments)
    .where(eq(applicationAttachments.applicationId, applicationId))
    .orderBy(applicationAttachments.createdAt);
}

/** Read by those who may read the application: a draft's by its applicant only. */
export async function readAttachment(db: Queryable, editor: Caller, dataDir: string, attachmentId: string) {
  const [row] = await db
    .select()
    .from(applicationAttachments)
    .where(eq(applicationAttachments.id, attachmentId));
  if (!row) throw notFound('attachment');
  await requireReader(db, editor, row.applicationId);
  const bytes = await readFile(join(folder(dataDir), row.storageKey));
  return { ...row, bytes };
}
