import type { Hono } from 'hono';
import { readAttachment } from '../../../domain/calls/attachments.ts';
import { decisionLetterPdf } from '../../../domain/calls/letters.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { onPage } from '../routes.ts';
import { idOfPage } from './shared.tsx';

/** The files of an application: its decision letter and its attachments, for those the call's rules let read them. */

async function letter(c: AppContext) {
  const id = idOfPage(c, 'application');
  const { db, clock } = c.get('deps');
  const pdf = await decisionLetterPdf(db, callerOf(c), id, clock());
  return c.body(new Uint8Array(pdf), 200, {
    'Content-Type': 'application/pdf',
    'Content-Disposition': `attachment; filename="afgoerelse-${id}.pdf"`,
    'X-Content-Type-Options': 'nosniff',
  });
}

async function attachment(c: AppContext) {
  const deps = c.get('deps');
  const file = await readAttachment(deps.db, callerOf(c), deps.config.dataDir, idOfPage(c, 'attachment'));
  return c.body(new Uint8Array(file.bytes), 200, {
    'Content-Type': file.mediaType,
    'Content-Disposition': `attachment; filename="${file.fileName}"`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  });
}

export function registerApplicationDownloads(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'applicationLetter', letter);
  onPage(app, 'GET', 'attachment', attachment);
}
