import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { prefixMatch } from './prefix-match.ts';

const dialect = new PgDialect();

describe('prefixMatch', () => {
  it('is no condition for a text without words', () => {
    expect(prefixMatch(sql`x`, ' ,;- ')).toBeNull();
    expect(prefixMatch(sql`x`, undefined)).toBeNull();
  });

  it('passes only the words, as prefixes joined by and, as a parameter', () => {
    const condition = prefixMatch(sql`x`, "Robot & ':* grøn!");
    if (!condition) throw new Error('expected a condition');
    const query = dialect.sqlToQuery(condition);
    expect(query.params).toEqual(['robot:* & grøn:*']);
  });
});
