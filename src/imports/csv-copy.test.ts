import { describe, expect, it } from 'vitest';
import { CsvShape, replay, splitHeader } from './csv-copy.ts';

const shapeOf = (chunks: string[]) => {
  const shape = new CsvShape();
  for (const c of chunks) shape.feed(Buffer.from(c));
  return { rows: shape.expectedRows, bad: shape.bad };
};

async function* bytes(chunks: (string | Buffer)[]) {
  for (const c of chunks) yield Buffer.from(c);
}

describe('CsvShape: when COPY may read a CSV body, and how many records it must find', () => {
  it('counts one record per line, with or without a final line break', () => {
    expect(shapeOf(['a,b\nc,d\n'])).toEqual({ rows: 2, bad: false });
    expect(shapeOf(['a,b\r\nc,d'])).toEqual({ rows: 2, bad: false });
    expect(shapeOf([''])).toEqual({ rows: 0, bad: false });
  });

  it('accepts RFC 4180 quoting, also split across chunks', () => {
    expect(shapeOf(['"a, b","say ""hi"""\n'])).toEqual({ rows: 1, bad: false });
    expect(shapeOf(['"a ""', '"" b",c\n'])).toEqual({ rows: 1, bad: false });
    expect(shapeOf(['"a"', ',c\n'])).toEqual({ rows: 1, bad: false });
  });

  it('flags a quote inside an unquoted cell, text after a closing quote and an open quote at the end', () => {
    expect(shapeOf(['x,"Work"shop\n']).bad).toBe(true);
    expect(shapeOf(['x,Wo"rk\n']).bad).toBe(true);
    expect(shapeOf(['x,"a"', 'b\n']).bad).toBe(true);
    expect(shapeOf(['x,"abc\n']).bad).toBe(true);
  });

  it('flags a line over 64 KiB, whole or across chunks, so the JS reader judges the file', () => {
    const long = 'x'.repeat(65_537);
    expect(shapeOf([`a\n${long}\nb\n`]).bad).toBe(true);
    expect(shapeOf(['a\n', long.slice(0, 40_000), long.slice(40_000), '\n']).bad).toBe(true);
    expect(shapeOf([`a\n${long.slice(1)}\n`, long.slice(1)]).bad).toBe(false);
  });

  it('counts a quoted line break as a line, so COPY finds fewer records than lines', () => {
    expect(shapeOf(['"a\nb",c\n'])).toEqual({ rows: 2, bad: false });
  });
});

describe('splitHeader', () => {
  it('splits a plain header (BOM and CRLF accepted) and keeps the rest for COPY', async () => {
    const s = await splitHeader(bytes(['\uFEFFcvr,na', 'me\r\n1,x\n']));
    expect(s.header).toEqual(['cvr', 'name']);
    expect(s.rest.toString()).toBe('1,x\n');
    const all: Buffer[] = [];
    for await (const b of replay(s.prefix, s.iterator)) all.push(Buffer.from(b));
    expect(Buffer.concat(all).toString()).toBe('\uFEFFcvr,name\r\n1,x\n');
  });

  it('leaves a quoted header, bad UTF-8 or a file without a line break to the JS reader', async () => {
    expect((await splitHeader(bytes(['"cvr",name\n1,x\n']))).header).toBeNull();
    expect((await splitHeader(bytes([Buffer.from([0x63, 0xe9, 0x0a])]))).header).toBeNull();
    expect((await splitHeader(bytes(['cvr,name']))).header).toBeNull();
  });
});
