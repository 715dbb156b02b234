import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { PerformanceAccount } from '../../src/domain/performance/account.ts';

const run = promisify(execFile);
export const PDFTOTEXT = '/usr/bin/pdftotext';
export const PDFTOPPM = '/usr/bin/pdftoppm';
const inCi = process.env.CI === 'true' || process.env.CI === '1';

/**
 * PDF checks open the file with poppler (what a PDF viewer does). Without poppler-utils they are
 * skipped locally, like the browser tests without chromium; in CI a missing binary fails loudly.
 */
export const skipPdf = !existsSync(PDFTOTEXT) && !inCi;
if (skipPdf)
  console.warn(`PDF content checks skipped: ${PDFTOTEXT} not found (apt-get install poppler-utils)`);

function requirePoppler(): void {
  if (!existsSync(PDFTOTEXT) || !existsSync(PDFTOPPM))
    throw new Error(`${PDFTOTEXT} or ${PDFTOPPM} is missing: poppler-utils is needed (.ci/run installs it)`);
}

async function withFile<T>(bytes: Uint8Array, work: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'klynge-pdf-'));
  try {
    const path = join(dir, 'report.pdf');
    await writeFile(path, bytes);
    return await work(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF as poppler's pdftotext reads it (layout kept, so a table row is one line). */
export function pdfText(bytes: Uint8Array): Promise<string> {
  requirePoppler();
  return withFile(
    bytes,
    async (path) => (await run(PDFTOTEXT, ['-layout', '-enc', 'UTF-8', path, '-'])).stdout,
  );
}

/** How many pixels of the document, rendered by poppler at 50 dpi, have the bar colour of the chart. */
export function barPixels(bytes: Uint8Array): Promise<number> {
  requirePoppler();
  return withFile(bytes, async (path) => {
    const { stdout } = await run(PDFTOPPM, ['-r', '50', path], { encoding: 'buffer', maxBuffer: 64 << 20 });
    // One binary PPM per page: "P6\n<w> <h>\n255\n" then RGB triples.
    let n = 0;
    for (let at = 0; at < stdout.length; ) {
      const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(stdout.subarray(at, at + 40).toString('latin1'));
      if (!header) throw new Error('pdftoppm gave no PPM image');
      const start = at + header[0].length;
      const end = start + Number(header[1]) * Number(header[2]) * 3;
      for (let i = start; i < end; i += 3) {
        const [r, g, b] = [stdout[i] as number, stdout[i + 1] as number, stdout[i + 2] as number];
        if (r < 30 && g > 60 && g < 120 && b > 150 && b < 210) n++;
      }
      at = end;
    }
    return n;
  });
}

/** The numbers of the account in Danish print, e.g. 12.345. */
export const da = (n: number) => new Intl.NumberFormat('da-DK').format(n);

export interface SheetContent {
  header: unknown[];
  /** JSON key (column B) → value (column C). */
  values: Map<string, unknown>;
  sheet: ExcelJS.Worksheet;
}

/** Reads a workbook back with exceljs: every sheet's header and key → value pairs. */
export async function readXlsx(bytes: Uint8Array): Promise<Map<string, SheetContent>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets = new Map<string, SheetContent>();
  for (const sheet of workbook.worksheets) {
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const values = new Map<string, unknown>();
    sheet.eachRow((row, n) => {
      if (n > 1) values.set(String(row.getCell(2).value), row.getCell(3).value);
    });
    sheets.set(sheet.name, { header, values, sheet });
  }
  return sheets;
}

/** Every key of the account, the regional split flattened, as the workbook and the CSV write them. */
export function flatAccount(
  account: PerformanceAccount | Record<string, unknown>,
): Map<string, number | null> {
  const flat = new Map<string, number | null>();
  for (const [key, value] of Object.entries(account)) {
    if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value as Record<string, number>)) flat.set(`${key}.${k}`, v);
    else flat.set(key, value as number | null);
  }
  return flat;
}

/** Every key of the account is in the sheet with the same value; regions missing from the account are 0. */
export function expectSheetHolds(
  content: SheetContent,
  account: PerformanceAccount | Record<string, unknown>,
): void {
  const expected = flatAccount(account);
  for (const [key, value] of expected) expect(content.values.get(key), key).toEqual(value);
  for (const [key, value] of content.values)
    if (!expected.has(key)) {
      expect(key, 'a key the account does not have').toMatch(/^innovating_companies_by_region\.\d{4}$/);
      expect(value, key).toBe(0);
    }
}

/** Collects a stream renderer's output. */
export async function collect(render: (out: Writable) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await render(out);
  return Buffer.concat(chunks);
}
