import { describe, expect, it } from 'vitest';
import { registerFilterQuery, validateLabelRow } from './schemas.ts';

const good = {
  cluster_cvr: '12345674',
  level: 'gold',
  awarded_on: '2025-06-30',
  valid_until: '2028-06-30',
  assessing_body: 'ESCA',
};

const codesOf = (values: Record<string, string>) => {
  const result = validateLabelRow(values, 7);
  return result.ok ? [] : result.issues.map((i) => [i.column, i.code, i.value, i.line]);
};

describe('validateLabelRow', () => {
  it('accepts a correct row and tidies what people type', () => {
    expect(
      validateLabelRow(
        { ...good, cluster_cvr: ' 1234 5674 ', level: ' Gold ', assessing_body: '  ESCA Brussels ' },
        2,
      ),
    ).toEqual({
      ok: true,
      label: {
        clusterCvr: '12345674',
        level: 'gold',
        awardedOn: '2025-06-30',
        validUntil: '2028-06-30',
        assessingBody: 'ESCA Brussels',
      },
    });
  });

  it('refuses a CVR with a wrong check digit or the wrong length', () => {
    expect(codesOf({ ...good, cluster_cvr: '12345675' })).toEqual([
      ['cluster_cvr', 'cvrInvalid', '12345675', 7],
    ]);
    expect(codesOf({ ...good, cluster_cvr: '1234567' })).toEqual([
      ['cluster_cvr', 'cvrInvalid', '1234567', 7],
    ]);
  });

  it('accepts only bronze, silver and gold as level', () => {
    expect(codesOf({ ...good, level: 'platinum' })).toEqual([['level', 'levelInvalid', 'platinum', 7]]);
    expect(codesOf({ ...good, level: 'guld' })).toEqual([['level', 'levelInvalid', 'guld', 7]]);
    for (const level of ['bronze', 'silver', 'gold', 'SILVER'])
      expect(codesOf({ ...good, level })).toEqual([]);
  });

  it('accepts only real calendar dates written YYYY-MM-DD', () => {
    for (const date of ['2025-02-30', '2025-13-01', '2025-2-3', '30-06-2025', '2025-06-30T00:00']) {
      expect(codesOf({ ...good, awarded_on: date }), date).toEqual([['awarded_on', 'dateInvalid', date, 7]]);
    }
    expect(codesOf({ ...good, awarded_on: '2024-02-29' })).toEqual([]);
    expect(codesOf({ ...good, awarded_on: '2023-02-29' })).toEqual([
      ['awarded_on', 'dateInvalid', '2023-02-29', 7],
    ]);
  });

  it('requires valid_until after awarded_on', () => {
    expect(codesOf({ ...good, valid_until: '2025-06-29' })).toEqual([
      ['valid_until', 'validUntilNotAfterAwarded', '2025-06-29', 7],
    ]);
    expect(codesOf({ ...good, valid_until: '2025-06-30' })).toEqual([
      ['valid_until', 'validUntilNotAfterAwarded', '2025-06-30', 7],
    ]);
    expect(codesOf({ ...good, valid_until: '2025-07-01' })).toEqual([]);
  });

  it('requires an assessing body of at most 200 characters', () => {
    expect(codesOf({ ...good, assessing_body: '  ' })).toEqual([['assessing_body', 'required', '  ', 7]]);
    expect(codesOf({ ...good, assessing_body: 'x'.repeat(200) })).toEqual([]);
    expect(codesOf({ ...good, assessing_body: 'x'.repeat(201) })).toEqual([
      ['assessing_body', 'tooLong', 'x'.repeat(201), 7],
    ]);
  });

  it('reports every problem of a row at once, one per cell', () => {
    expect(
      codesOf({
        cluster_cvr: '',
        level: 'tin',
        awarded_on: '2026-01-01',
        valid_until: '2025-01-01',
        assessing_body: '',
      }),
    ).toEqual([
      ['cluster_cvr', 'required', '', 7],
      ['level', 'levelInvalid', 'tin', 7],
      ['assessing_body', 'required', '', 7],
      ['valid_until', 'validUntilNotAfterAwarded', '2025-01-01', 7],
    ]);
  });

  it('reports a value of a missing column as required', () => {
    const { level: _, ...withoutLevel } = good;
    expect(codesOf(withoutLevel)).toEqual([['level', 'required', null, 7]]);
  });
});

describe('registerFilterQuery', () => {
  it('keeps known values and ignores the rest, so an edited link still shows the register', () => {
    expect(registerFilterQuery.parse({ level: 'gold', status: 'expiring', region: '1083' })).toEqual({
      level: 'gold',
      status: 'expiring',
      region: 1083,
    });
    expect(registerFilterQuery.parse({ level: 'tin', status: 'x', region: 'abc' })).toEqual({});
    expect(registerFilterQuery.parse({ level: '', status: '', region: '' })).toEqual({});
  });
});
