import { Duplex } from 'node:stream';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { parseAccept } from 'hono/utils/accept';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';

export type ContentEncoding = 'br' | 'gzip';

/** Below this a response is sent as it is: compressing it saves less than it costs. */
const THRESHOLD = 1024;

/**
 * Brotli when the browser takes it (every current one does, over HTTP and HTTPS alike), else
 * gzip, else nothing. An encoding refused with q=0 is never chosen; `*` stands for those not named.
 */
export function preferredEncoding(acceptEncoding: string | undefined): ContentEncoding | undefined {
  const accepted = parseAccept(acceptEncoding ?? '');
  const q = (encoding: ContentEncoding) =>
    (accepted.find((a) => a.type.toLowerCase() === encoding) ?? accepted.find((a) => a.type === '*'))?.q ?? 0;
  const [br, gzip] = [q('br'), q('gzip')];
  if (br > 0 && br >= gzip) return 'br';
  return gzip > 0 ? 'gzip' : undefined;
}

/** Text (HTML, CSS, JavaScript, JSON, CSV, SVG, XML): not images, fonts, PDF or spreadsheets. */
export function isCompressible(contentType: string | null): boolean {
  return contentType !== null && COMPRESSIBLE_CONTENT_TYPE_REGEX.test(contentType);
}

/**
 * How hard to compress: `once` for a static file compressed a single time and then sent to every
 * visitor (brotli's best, ~0.5 s for the DKFDS stylesheet); `per-response` for a page made for
 * one request (a cheap level: about a millisecond for a large page, most of the gain).
 */
export type Effort = 'once' | 'per-response';

function brotliOptions(effort: Effort, size?: number): zlib.BrotliOptions {
  return {
    params: {
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_QUALITY]: effort === 'once' ? zlib.constants.BROTLI_MAX_QUALITY : 5,
      ...(size === undefined ? {} : { [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size }),
    },
  };
}

const gzipLevel = (effort: Effort) => (effort === 'once' ? zlib.constants.Z_BEST_COMPRESSION : 6);

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** The bytes compressed whole (in Node's thread pool, not on the event loop). */
export function compressBytes(bytes: Uint8Array, encoding: ContentEncoding, effort: Effort): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(bytes, brotliOptions(effort, bytes.byteLength))
    : gzip(bytes, { level: gzipLevel(effort) });
}

function compressingStream(encoding: ContentEncoding): ReadableWritablePair<Uint8Array, Uint8Array> {
  const compressor =
    encoding === 'br'
      ? zlib.createBrotliCompress(brotliOptions('per-response'))
      : zlib.createGzip({ level: gzipLevel('per-response') });
  return Duplex.toWeb(compressor) as ReadableWritablePair<Uint8Array, Uint8Array>;
}

/** The body again, as a stream that starts with the chunks already read from it. */
function rejoined(
  read: Uint8Array[],
  reader: ReadableStreamDefaultReader<Uint8Array>,
): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of read) controller.enqueue(chunk);
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i;

/**
 * Compresses text responses for browsers that accept it (`Vary: Accept-Encoding`), so the app
 * needs no proxy in front for this (the embedded `npm start` has none). A body that is already
 * whole (a page, a JSON answer, a CSV made in memory) is compressed in one go and sent with its
 * length; a streamed body (an export written as it is read) is compressed as it flows, never
 * held whole. Already compressed formats (fonts, images, PDF, XLSX) and responses that carry a
 * Content-Encoding of their own (the precompressed static files) are left alone.
 */
export const compression: MiddlewareHandler = async (c, next) => {
  await next();
  const res = c.res;
  if (
    c.req.method === 'HEAD' ||
    !res.body ||
    [204, 206, 304].includes(res.status) ||
    res.headers.has('Content-Encoding') ||
    !isCompressible(res.headers.get('Content-Type')) ||
    NO_TRANSFORM.test(res.headers.get('Cache-Control') ?? '')
  )
    return;
  const vary = res.headers.get('Vary');
  if (!vary) res.headers.set('Vary', 'Accept-Encoding');
  else if (vary !== '*' && !/accept-encoding/i.test(vary))
    res.headers.set('Vary', `${vary}, Accept-Encoding`);
  const encoding = preferredEncoding(c.req.header('Accept-Encoding'));
  const length = Number(res.headers.get('Content-Length') ?? Number.NaN);
  if (!encoding || length < THRESHOLD) return;

  const reader = res.body.getReader();
  const first = await reader.read();
  const second = first.done ? first : await reader.read();
  if (first.done || second.done) {
    const whole = first.done ? new Uint8Array() : first.value;
    if (whole.byteLength < THRESHOLD) {
      c.res = new Response(whole, res);
      return;
    }
    const compressed = await compressBytes(whole, encoding, 'per-response');
    c.res = new Response(new Uint8Array(compressed), res);
    c.res.headers.set('Content-Length', String(compressed.byteLength));
  } else {
    const body = rejoined([first.value, second.value], reader).pipeThrough(compressingStream(encoding));
    c.res = new Response(body, res);
    c.res.headers.delete('Content-Length');
  }
  c.res.headers.set('Content-Encoding', encoding);
  // The compressed bytes differ from the ones a strong validator named.
  const etag = c.res.headers.get('ETag');
  if (etag && !etag.startsWith('W/')) c.res.headers.set('ETag', `W/${etag}`);
};
