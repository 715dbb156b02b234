/**
 * The site's static files (DKFDS's stylesheet, fonts and icons; our own stylesheet, script and
 * favicon) at addresses that name their content: /assets/<name>.<hash>.<ext>. A browser keeps
 * each for a year without asking again (`immutable`); a changed file gets a new address, which
 * the pages link from then on. Text files are compressed once, with brotli's and gzip's best
 * levels, and kept compressed in memory.
 *
 * The catalogue is made once per process, when a page first needs an address: it is derived
 * from files that do not change while the server runs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import type { AppEnv } from './context.ts';
import { PRELOADED_FONT_FILES, plexFontFaces, withoutPlexFontFaces } from './fonts.ts';
import {
  type ContentEncoding,
  compressBytes,
  isCompressible,
  preferredEncoding,
} from './middleware/compression.ts';

// dkfds hides package.json behind "exports": resolve its entry and walk up to dist/.
export const DKFDS_DIST = join(dirname(createRequire(import.meta.url).resolve('dkfds')), '..');
export const OWN_STATIC = fileURLToPath(new URL('./static', import.meta.url));

const IMMUTABLE = 'public, max-age=31536000, immutable';

const CONTENT_TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

interface Asset {
  readonly url: string;
  readonly type: string;
  readonly bytes: Uint8Array;
  /** Compressed forms, made the first time a browser asks for one. */
  readonly encoded: Map<ContentEncoding, Promise<Buffer>>;
}

/** The files the pages link to by name. */
export type AssetName =
  | 'dkfds.css'
  | 'dkfds.js'
  | 'icons.svg'
  | 'app.css'
  | 'favicon.svg'
  | 'navigation.js'
  | 'delivery-progress.js';

interface Catalogue {
  readonly byUrl: ReadonlyMap<string, Asset>;
  readonly urlOf: Readonly<Record<AssetName, string>>;
  readonly preloadedFonts: readonly string[];
}

function buildCatalogue(): Catalogue {
  const byUrl = new Map<string, Asset>();
  const urlOfFile = new Map<string, string>();
  const add = (name: string, bytes: Uint8Array): string => {
    const ext = extname(name);
    const type = CONTENT_TYPES[ext];
    if (!type) throw new Error(`no content type for static file ${name}`);
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
    const url = `/assets/${basename(name, ext)}.${hash}${ext}`;
    byUrl.set(url, { url, type, bytes, encoded: new Map() });
    return url;
  };
  const file = (path: string): string => {
    let url = urlOfFile.get(path);
    if (!url) {
      url = add(path, readFileSync(path));
      urlOfFile.set(path, url);
    }
    return url;
  };
  const dkfdsFile = (relative: string) => file(join(DKFDS_DIST, relative));

  const urlOf: Record<AssetName, string> = {
    'dkfds.css': add('dkfds-virkdk.min.css', dkfdsStylesheet(dkfdsFile)),
    // DKFDS's script, for its mobile drawer (static/navigation.js starts only that part of it).
    'dkfds.js': add('dkfds.min.js', dkfdsScript()),
    'icons.svg': dkfdsFile('img/all-svg-icons.svg'),
    'app.css': file(join(OWN_STATIC, 'app.css')),
    'favicon.svg': file(join(OWN_STATIC, 'favicon.svg')),
    'navigation.js': file(join(OWN_STATIC, 'navigation.js')),
    'delivery-progress.js': file(join(OWN_STATIC, 'delivery-progress.js')),
  };
  return { byUrl, urlOf, preloadedFonts: PRELOADED_FONT_FILES.map(dkfdsFile) };
}

/**
 * DKFDS's stylesheet with its images and fonts at their hashed addresses, and with IBM Plex
 * Sans from the subset files (src/http/fonts.ts) instead of the complete fonts. Its source map
 * is not served, so the comment that names it goes.
 */
function dkfdsStylesheet(dkfdsFile: (relative: string) => string): Uint8Array {
  const css = withoutPlexFontFaces(readFileSync(join(DKFDS_DIST, 'css/dkfds-virkdk.min.css'), 'utf8'))
    .replace(/url\((["']?)\.\.\/([^"')?#]+)([^"')]*)\1\)/g, (_, _quote, path: string, suffix: string) => {
      return `url(${dkfdsFile(path)}${suffix})`;
    })
    .replace(/\/\*# sourceMappingURL=[^*]*\*\/\s*$/, '');
  return new TextEncoder().encode(`${plexFontFaces(dkfdsFile)}\n${css}`);
}

/** DKFDS's minified script without the comment naming its source map, which is not served. */
function dkfdsScript(): Uint8Array {
  const js = readFileSync(join(DKFDS_DIST, 'js/dkfds.min.js'), 'utf8');
  return new TextEncoder().encode(js.replace(/\/\/# sourceMappingURL=\S*\s*$/, ''));
}

let catalogue: Catalogue | undefined;
const assets = (): Catalogue => {
  catalogue ??= buildCatalogue();
  return catalogue;
};

/** The address of a static file the pages link to. */
export function assetUrl(name: AssetName): string {
  return assets().urlOf[name];
}

/** The font files worth fetching before the stylesheet asks for them (every page uses them). */
export function preloadedFontUrls(): readonly string[] {
  return assets().preloadedFonts;
}

function encoded(asset: Asset, encoding: ContentEncoding): Promise<Buffer> {
  let compressed = asset.encoded.get(encoding);
  if (!compressed) {
    compressed = compressBytes(asset.bytes, encoding, 'once');
    asset.encoded.set(encoding, compressed);
  }
  return compressed;
}

/**
 * Compresses every text file in both encodings, one after the other, so the first visitors after
 * a start do not wait for it (the DKFDS stylesheet takes about half a second at brotli's best).
 */
export async function precompressAssets(): Promise<void> {
  for (const asset of assets().byUrl.values())
    if (isCompressible(asset.type))
      for (const encoding of ['br', 'gzip'] as const) await encoded(asset, encoding);
}

/** Serves /assets/*: before the session middleware, as no static file depends on who asks. */
export function registerAssets(app: Hono<AppEnv>): void {
  app.get('/assets/:file', async (c) => {
    const asset = assets().byUrl.get(c.req.path);
    if (!asset) return c.notFound();
    c.header('Content-Type', asset.type);
    c.header('Cache-Control', IMMUTABLE);
    if (!isCompressible(asset.type)) return c.body(asset.bytes as Uint8Array<ArrayBuffer>);
    c.header('Vary', 'Accept-Encoding');
    const encoding = preferredEncoding(c.req.header('Accept-Encoding'));
    if (!encoding) return c.body(asset.bytes as Uint8Array<ArrayBuffer>);
    c.header('Content-Encoding', encoding);
    return c.body(new Uint8Array(await encoded(asset, encoding)));
  });
}
