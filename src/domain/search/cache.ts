import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { type SearchContext, type SearchResult, search } from './queries.ts';
import type { SearchQuery } from './schemas.ts';
import { searchTokens } from './text.ts';

/**
 * Search results (and pages built from them) kept in memory for a short while, keyed by the
 * search and by the version of the search index: a sequence that the database advances on every
 * change that can change a result (see the search migration). A change shows within
 * VERSION_MAX_AGE_MS: reading the version costs one trivial query instead of a full search, and
 * the requests of that moment share it. An entry is never older than TTL_MS, which bounds what the version
 * cannot see: items whose publication moment passes, and a version bumped by a transaction that
 * has not committed yet.
 */
const TTL_MS = 30_000;
/** How long a version read stays current: a change shows on the pages within this much. */
export const VERSION_MAX_AGE_MS = 100;

const versions = new WeakMap<object, { at: number; version: Promise<string> }>();

/**
 * The search index's version, read at most every VERSION_MAX_AGE_MS: under load one query then
 * serves every request of that moment instead of one round trip per request.
 */
export function searchIndexVersion(db: Queryable, now: Date): Promise<string> {
  const known = versions.get(db);
  const at = now.getTime();
  if (known && at - known.at >= 0 && at - known.at < VERSION_MAX_AGE_MS) return known.version;
  const version = queryRows<{ version: string }>(
    db,
    sql`select last_value::text as version from search_index_version`,
  ).then(([row]) => row?.version ?? '');
  versions.set(db, { at, version });
  // A failed read must not be served to the requests that follow.
  version.catch(() => {
    if (versions.get(db)?.version === version) versions.delete(db);
  });
  return version;
}

/** A least-recently-used map of entries valid for one index version and at most TTL_MS. */
export class VersionedCache<T> {
  private readonly entries = new WeakMap<object, Map<string, { at: number; value: T }>>();

  constructor(private readonly maxEntries: number) {}

  async get(db: Queryable, key: string, now: Date, produce: () => Promise<T>): Promise<T> {
    let entries = this.entries.get(db);
    if (!entries) {
      entries = new Map();
      this.entries.set(db, entries);
    }
    const full = `${await searchIndexVersion(db, now)}|${key}`;
    const at = now.getTime();
    const hit = entries.get(full);
    if (hit && at - hit.at >= 0 && at - hit.at < TTL_MS) {
      // A Map keeps insertion order: moving a hit to the end makes eviction least-recently-used.
      entries.delete(full);
      entries.set(full, hit);
      return hit.value;
    }
    const value = await produce();
    entries.set(full, { at, value });
    if (entries.size > this.maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
    return value;
  }
}

const results = new VersionedCache<SearchResult>(1_000);

export function cachedSearch(db: Queryable, q: SearchQuery, ctx: SearchContext): Promise<SearchResult> {
  const key = JSON.stringify([
    searchTokens(q.q),
    q.type,
    q.theme,
    q.region,
    q.league,
    q.label,
    q.page,
    ctx.lang,
    ctx.today,
  ]);
  return results.get(db, key, ctx.now, () => search(db, q, ctx));
}
