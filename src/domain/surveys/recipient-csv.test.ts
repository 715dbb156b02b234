import { describe, expect, it } from 'vitest';
import { readPeopleList } from './recipient-csv.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const recipients = (text: string) => readPeopleList(bytes(text), { required: ['email'], uniqueBy: 'email' });

describe('lists of people as CSV', () => {
  it('reads e-mail, CVR and name in any order, Danish or English headers, other columns ignored', async () => {
    const { rows, issues } = await recipients(
      'Navn,Afdeling,E-mail,CVR\r\nAnne Andersen,Salg,Anne@Example.dk,12345674\r\nBo,,bo@example.dk,\r\n',
    );
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      { line: 2, email: 'anne@example.dk', cvr: '12345674', name: 'Anne Andersen' },
      { line: 3, email: 'bo@example.dk', cvr: null, name: 'Bo' },
    ]);
  });

  it('reads the semicolons of Excel with Danish settings, and a byte order mark', async () => {
    const { rows } = await recipients(
      '\uFEFFemail;navn\nkaren@example.dk;Karen; Hansen\n'.replace('; Hansen', ' Hansen'),
    );
    expect(rows).toEqual([{ line: 2, email: 'karen@example.dk', cvr: null, name: 'Karen Hansen' }]);
  });

  it('names the line and column of every problem, and the first line of a repeated address', async () => {
    const { rows, issues } = await recipients(
      'email,cvr,name\nikke-en-adresse,12345678,A\n,,B\nc@example.dk,1234,\nc@example.dk,,C igen\nd@example.dk,x\n',
    );
    expect(rows.map((r) => r.email)).toEqual(['c@example.dk']);
    expect(issues).toEqual([
      { line: 2, column: 'email', value: 'ikke-en-adresse', code: 'email' },
      { line: 2, column: 'cvr', value: '12345678', code: 'cvr' },
      { line: 3, column: 'email', value: null, code: 'required' },
      { line: 4, column: 'cvr', value: '1234', code: 'cvr' },
      { line: 6, column: null, value: null, code: 'fieldCount' },
    ]);
    const repeated = await recipients('email\na@example.dk\nA@example.dk\n');
    expect(repeated.issues).toEqual([{ line: 3, column: 'email', value: '2', code: 'duplicate' }]);
  });

  it('refuses a header without the required columns, an empty file, text that is not UTF-8', async () => {
    expect(
      (
        await readPeopleList(bytes('navn,email\nA,a@example.dk\n'), {
          required: ['cvr', 'email'],
          uniqueBy: 'cvr',
        })
      ).issues,
    ).toEqual([{ line: 1, column: 'cvr', value: null, code: 'missingColumn' }]);
    expect((await recipients('')).issues).toEqual([
      { line: 1, column: null, value: null, code: 'emptyFile' },
    ]);
    expect((await recipients('email\n')).issues).toEqual([
      { line: 2, column: null, value: null, code: 'noRows' },
    ]);
    const latin1 = new Uint8Array([...bytes('email,name\na@example.dk,S'), 0xf8, ...bytes('ren\n')]);
    expect((await readPeopleList(latin1, { required: ['email'], uniqueBy: 'email' })).issues).toEqual([
      { line: 2, column: null, value: null, code: 'encoding' },
    ]);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    expect((await recipients(new TextDecoder().decode(big))).issues[0]?.code).toBe('tooLarge');
  });
});
