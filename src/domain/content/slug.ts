import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { type Actor, withActor } from '../../db/actor.ts';
import { type Db, type Queryable, queryRows, type Tx } from '../../db/client.ts';

/**
 * Addresses of news, stories, events and calls: readable ASCII made from the title, fixed once
 * created so links keep working when a title is edited.
 */
const MAX_SLUG_LENGTH = 80;

/** Path segments that are pages of their own (/nyheder/ny, /en/news/new), so never an item. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'ny',
  'new',
  'skabeloner',
  'templates',
  'god-praksis',
  'good-practice',
  'foreslaa',
  'propose',
]);

/** Lowercase ASCII from a title with Danish letters folded (æ→ae, ø→oe, å→aa), at most 80 characters. */
export function slugFromTitle(title: string): string {
  const folded = title
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // Cut long titles at a word boundary where there is one.
  const cut =
    folded.length <= MAX_SLUG_LENGTH || folded[MAX_SLUG_LENGTH] === '-'
      ? folded.slice(0, MAX_SLUG_LENGTH)
      : folded.slice(0, MAX_SLUG_LENGTH).replace(/-[^-]*$/, '');
  return cut.replace(/-+$/, '') || 'indhold';
}

/** The first of base, base-2, base-3 … that is neither taken nor reserved. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  const free = (s: string) => !taken.has(s) && !RESERVED_SLUGS.has(s);
  if (free(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (free(candidate)) return candidate;
  }
}

const MAX_SLUG_ATTEMPTS = 3;

/** Whether an error (or one it wraps) is PostgreSQL's unique violation, on either driver. */
export function isUniqueViolation(e: unknown): boolean {
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
export async function insertWithSlug(
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
