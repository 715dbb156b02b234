import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv-writer.ts';

describe('csv', () => {
  it('leaves plain fields alone and writes empty values as empty fields', () => {
    expect(csvField('Odense Robotics')).toBe('Odense Robotics');
    expect(csvField(1083)).toBe('1083');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('quotes fields with commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvField('Food, Bio')).toBe('"Food, Bio"');
    expect(csvField('the "best" cluster')).toBe('"the ""best"" cluster"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvField('+45 12 34')).toBe("'+45 12 34");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-5)).toBe('-5');
  });

  it('writes a header and CRLF-ended rows that a CSV parser reads back unchanged', () => {
    const rows = [
      ['a', 'Æblegrød, "søde" sager', 1],
      ['b', 'line\r\nbreak', null],
    ];
    const text = toCsv(['key', 'text', 'n'], rows);
    expect(text.startsWith('key,text,n\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parse(text, { columns: true })).toEqual([
      { key: 'a', text: 'Æblegrød, "søde" sager', n: '1' },
      { key: 'b', text: 'line\r\nbreak', n: '' },
    ]);
  });
});
