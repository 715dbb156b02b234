import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ATTACHMENT_MAX_BYTES } from '../../domain/calls/schemas.ts';
import { AppError } from '../../domain/errors.ts';
import { TEMPLATE_MAX_BYTES } from '../../domain/knowledge/schemas.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { isMultipart } from '../multipart.ts';
import { PAGES } from '../paths.ts';

const MB = 1024 * 1024;
const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Ordinary forms are small; uploads get their own, larger limits. */
const DEFAULT_LIMIT = 1 * MB;
/**
 * A delivery sent as multipart/form-data is streamed to temporary files (src/http/multipart.ts)
 * and the import reads them from disk, so its size costs disk, not memory.
 */
const DELIVERY_UPLOAD_LIMIT = 1024 * MB;
/** JSON rows are parsed in memory as a whole, so they stay bounded more tightly. */
const DELIVERY_JSON_LIMIT = 50 * MB;

/** Room for the form fields around an uploaded file. */
const FORM_ROOM = 64 * 1024;

const LIMITS: { paths: readonly string[]; bytes: number; multipart?: number }[] = [
  // importLabelsCsv takes the file as bytes: 2 MB of CSV and room for the form around it.
  { paths: Object.values(PAGES.labelImport), bytes: 2 * MB + FORM_ROOM },
  // A funder's grants file (MAX_GRANT_FILE_BYTES), and its rows sent back from the preview as CSV text.
  { paths: Object.values(PAGES.grantsImport), bytes: DEFAULT_LIMIT, multipart: 2 * MB + FORM_ROOM },
  { paths: Object.values(PAGES.grantsImportConfirm), bytes: 3 * MB },
  // A survey's recipient list and a cluster's company contacts: 2 MB of CSV each (MAX_LIST_BYTES).
  { paths: Object.values(PAGES.surveyRecipientList), bytes: DEFAULT_LIMIT, multipart: 2 * MB + FORM_ROOM },
  { paths: Object.values(PAGES.companyContacts), bytes: DEFAULT_LIMIT, multipart: 2 * MB + FORM_ROOM },
  // The web upload takes multipart only; anything else is an ordinary form.
  { paths: Object.values(PAGES.deliveries), bytes: DEFAULT_LIMIT, multipart: DELIVERY_UPLOAD_LIMIT },
  { paths: ['/api/v1/deliveries'], bytes: DELIVERY_JSON_LIMIT, multipart: DELIVERY_UPLOAD_LIMIT },
  // An application's attachment form posts to its attachments section; the domain takes up to 10 MB.
  {
    paths: [...Object.values(PAGES.callApplyAttachments), ...Object.values(PAGES.application)],
    bytes: DEFAULT_LIMIT,
    multipart: ATTACHMENT_MAX_BYTES + FORM_ROOM,
  },
  // A new version of a template (TEMPLATE_MAX_BYTES) with its "what changed" texts.
  {
    paths: Object.values(PAGES.templateVersionNew),
    bytes: DEFAULT_LIMIT,
    multipart: TEMPLATE_MAX_BYTES + FORM_ROOM,
  },
];

/** A path of PAGES (`/opslag/:slug/ansoegning`) as a pattern of the paths it stands for. */
const pattern = (path: string) =>
  new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]+/g, '[^/]+')}$`);
const MATCHERS = LIMITS.map((limit) => ({ limit, patterns: limit.paths.map(pattern) }));

/** The most bytes this request's body may have, by its path and content type. */
export function bodyLimitOf(c: AppContext): number {
  const limit = MATCHERS.find((m) => m.patterns.some((p) => p.test(c.req.path)))?.limit;
  if (!limit) return DEFAULT_LIMIT;
  return isMultipart(c.req.header('content-type')) ? (limit.multipart ?? limit.bytes) : limit.bytes;
}

/**
 * Multipart bodies that the streaming parser reads: every unsafe web request (the CSRF check
 * parses them) and the API's deliveries. The parser counts their bytes itself.
 */
function streamedByParser(c: AppContext): boolean {
  if (!isMultipart(c.req.header('content-type'))) return false;
  return !c.req.path.startsWith('/api/') || c.req.path === '/api/v1/deliveries';
}

const refuse = () => {
  throw new AppError('too_large', 'The request body is too large');
};

/**
 * Refuses request bodies over the limit before anything reads them. A declared Content-Length
 * over the limit is refused at once. Otherwise hono's bodyLimit counts the bytes, but without a
 * Content-Length (chunked) it does so by reading the whole body into memory first; so a multipart
 * body that the streaming parser reads is left to the parser, which counts the same limit
 * (bodyLimitOf) while it writes to disk.
 */
export const requestBodyLimit: MiddlewareHandler<AppEnv> = (c, next) => {
  // Reading the body stream of a GET would make the server build a full Request for nothing.
  if (BODYLESS.has(c.req.method)) return next();
  const maxSize = bodyLimitOf(c);
  if (streamedByParser(c)) {
    const declared = Number(c.req.header('content-length') ?? 0);
    if (declared > maxSize) refuse();
    return next();
  }
  return bodyLimit({ maxSize, onError: refuse })(c, next);
};
