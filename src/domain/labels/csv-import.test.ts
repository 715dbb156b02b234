import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLabelCsv } from './csv-import.ts';

const HEADER = 'cluster_cvr,level,awarded_on,valid_until,assessing_body';
const ROW = '12345674,gold,2025-06-30,2028-06-30,ESCA';

const issuesOf = async (input: Parameters<typeof readLabelCsv>[0], maxBytes?: number) =>
  (await readLabelCsv(input, maxBytes)).issues.map((i) => [i.line, i.column, i.value, i.code, i.detail]);

describe('readLabelCsv', () => {
  it('reads a file with BOM and Windows line ends, columns in any order, quoted fields', async () => {
    const csv = `\ufeffassessing_body,valid_until,level,cluster_cvr,awarded_on\r\n"ESCA, Brussels",2028-06-30,gold,12345674,2025-06-30\r\n`;
    const { rows, issues } = await readLabelCsv(csv);
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        values: {
          cluster_cvr: '12345674',
          level: 'gold',
          awarded_on: '2025-06-30',
          valid_until: '2028-06-30',
          assessing_body: 'ESCA, Brussels',
        },
      },
    ]);
  });

  it('accepts column names in other case and with spaces around them', async () => {
    const { rows, issues } = await readLabelCsv(
      ` Cluster_CVR ,LEVEL,awarded_on,valid_until,assessing_body\n${ROW}`,
    );
    expect(issues).toEqual([]);
    expect(rows[0]?.values.cluster_cvr).toBe('12345674');
  });

  it('reads semicolon-separated files as Excel with Danish settings saves them', async () => {
    const { rows, issues } = await readLabelCsv(
      `${HEADER.replaceAll(',', ';')}\n12345674;gold;2025-06-30;2028-06-30;ESCA, Bruxelles`,
    );
    expect(issues).toEqual([]);
    expect(rows[0]?.values.assessing_body).toBe('ESCA, Bruxelles');
  });

  it('numbers lines as in the file: blank lines and fields over several lines count', async () => {
    const csv = `${HEADER}\r\n\r\n${ROW}\r\n"12345674",silver,2025-06-30,2027-06-30,"ESCA\r\nBrussels"\r\n${ROW}\r\n,,,,\r\n`;
    const { rows } = await readLabelCsv(csv);
    expect(rows.map((r) => r.line)).toEqual([3, 4, 6]);
  });

  it('reports unknown, missing and repeated columns on line 1', async () => {
    expect(await issuesOf(`cluster_cvr,level,level,awarded,valid_until,assessing_body\n1,2,3,4,5,6`)).toEqual(
      [
        [1, 'level', 'level', 'duplicateColumn', undefined],
        [1, null, 'awarded', 'unknownColumn', undefined],
        [1, 'awarded_on', null, 'missingColumn', undefined],
      ],
    );
  });

  it('reports a line with too few or too many fields', async () => {
    expect(await issuesOf(`${HEADER}\n${ROW}\n12345674,gold,2025-06-30\n${ROW},extra`)).toEqual([
      [3, null, null, 'fieldCount', 5],
      [4, null, null, 'fieldCount', 5],
    ]);
  });

  it('refuses an empty file and a file with only the header', async () => {
    expect(await issuesOf('')).toEqual([[1, null, null, 'emptyFile', undefined]]);
    expect(await issuesOf('\ufeff\r\n\r\n')).toEqual([[1, null, null, 'emptyFile', undefined]]);
    expect(await issuesOf(`${HEADER}\r\n`)).toEqual([[2, null, null, 'noRows', undefined]]);
  });

  it('refuses broken quoting with the line it was found on', async () => {
    expect(await issuesOf(`${HEADER}\n${ROW}\n12345674,gold,2025-06-30,2028-06-30,"ESCA"x\n`)).toEqual([
      [3, null, null, 'malformed', undefined],
    ]);
  });

  it('refuses a file that is not UTF-8, such as Windows-1252 from Excel', async () => {
    const latin1 = Buffer.from(`${HEADER}\n12345674,gold,2025-06-30,2028-06-30,Sønderborg`, 'latin1');
    expect(await issuesOf(latin1)).toEqual([[null, null, null, 'encoding', undefined]]);
  });

  it('stops reading past the size limit', async () => {
    const big = `${HEADER}\n${`${ROW}\n`.repeat(100)}`;
    expect(await issuesOf(big, 1000)).toEqual([[null, null, null, 'tooLarge', 1000]]);
    expect((await readLabelCsv(big, big.length)).issues).toEqual([]);
  });

  it('reads a stream whose chunks split a line end and a multi-byte character', async () => {
    const bytes = Buffer.from(`${HEADER}\r\n12345674,gold,2025-06-30,2028-06-30,Sønderborg\r\n${ROW}\r\n`);
    const split = bytes.indexOf('ø') + 1;
    const crlf = bytes.indexOf('\r\n');
    const chunks = [bytes.subarray(0, crlf + 1), bytes.subarray(crlf + 1, split), bytes.subarray(split)];
    const { rows, issues } = await readLabelCsv(Readable.from(chunks));
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.line, r.values.assessing_body])).toEqual([
      [2, 'Sønderborg'],
      [3, 'ESCA'],
    ]);
  });
});
