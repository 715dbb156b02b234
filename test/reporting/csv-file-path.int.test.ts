import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { completeCvr } from '../../src/domain/reference/identifiers.ts';
import { fileFromPath } from '../../src/domain/reporting/delivery/submit.ts';
import { createTestDatabase } from '../support/database.ts';
import { deliver, textFile } from './delivery-helpers.ts';

/**
 * A participants file on disk (the CLI) goes to COPY through reused read buffers rather than a
 * stream: the outcome must be exactly that of the same bytes handed over as a stream: the
 * same errors with the same lines, the same counts, the same size and SHA-256 in the log.
 */
let database: Database;
let dir: string;
const C = '29403473';
const CLUSTERS = `cvr,name,league,municipality_code\n${C},Testklyngen,regional,461\n`;
const ACTS = `cluster_cvr,activity_ref,title,category,start_date\n${C},A1,Workshop,networking,2023-03-01\n`;
const HEAD = 'cluster_cvr,activity_ref,participant_type,cvr,name,country,employees,new_product';
const ok = (cvr: string, name: string) => `${C},A1,company,${cvr},${name},,12,1`;
const BAD_CVR = `${C},A1,company,10000008,Firma,,12,1`;

/** Enough valid rows to span several 64 KB read buffers. */
function manyRows(n: number): string[] {
  const rows: string[] = [];
  for (let i = 1_000_000; rows.length < n; i++) {
    const cvr = completeCvr(String(i));
    if (cvr) rows.push(ok(cvr, `Firma ${rows.length} ApS`));
  }
  return rows;
}

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'klynge-path-'));
});
afterAll(async () => {
  await database?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a participants file read from disk gives the outcome of the same bytes as a stream', () => {
  const big = manyRows(11_000); // about 550 KB: more than the 8 read buffers of 64 KB
  const cases: [string, string][] = [
    // Valid rows are merged (with an audit row each): a smaller file keeps the test quick.
    ['a valid file over two read buffers', `${HEAD}\n${big.slice(0, 2000).join('\n')}\n`],
    ['an error after more rows than the read buffers hold', `${HEAD}\n${big.join('\n')}\n${BAD_CVR}\n`],
    ['a quoted line break (read the JS way)', `${HEAD}\n${ok('10000009', '"Firma\nApS"')}\n${BAD_CVR}\n`],
    [
      'CRLF line ends, a BOM and no final line break',
      `\uFEFF${HEAD}\r\n${ok('10000009', 'Firma')}\r\n${BAD_CVR}`,
    ],
  ];
  for (const [what, text] of cases) {
    it(what, async () => {
      const path = join(dir, 'participants.csv');
      await writeFile(path, text);
      const files = (participants: ReturnType<typeof textFile>) => [
        textFile('clusters.csv', CLUSTERS),
        textFile('activities.csv', ACTS),
        participants,
      ];
      const streamed = await deliver(database, files(textFile('participants.csv', text)));
      const fromDisk = await deliver(database, files(fileFromPath(path)));
      const view = (o: typeof streamed) => ({
        ok: o.ok,
        counts: o.counts,
        files: o.files,
        errors: o.ok ? [] : o.errors.map((e) => [e.file, e.line, e.column, e.value, e.code]),
      });
      expect(view(fromDisk)).toEqual(view(streamed));
      expect(fromDisk.files[2]?.sha256).toBe(createHash('sha256').update(text).digest('hex'));
      expect(fromDisk.files[2]?.bytes).toBe(Buffer.byteLength(text));
    });
  }
});
