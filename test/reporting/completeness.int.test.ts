import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import type { Database } from '../../src/db/client.ts';
import { fundingGrants, reportingPeriods } from '../../src/db/schema/index.ts';
import { reportingCompleteness } from '../../src/domain/reporting/calendar/completeness.ts';
import { setDeadlineRule } from '../../src/domain/reporting/calendar/deadlines.ts';
import { roleCaller } from '../support/callers.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { createOrganisation } from '../support/factories.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

type Status = 'submitted' | 'approved' | 'returned' | 'locked';

/** A cluster funded by `funders` in 2024, with its period (status, and when it was submitted). */
async function cluster(name: string, funders: string[], period?: { status: Status; submittedAt: string }) {
  const c = await createOrganisation(database.db, { name });
  await withActor(database.db, systemActor('test'), async (tx) => {
    for (const funderId of funders)
      await tx.insert(fundingGrants).values({ funderId, clusterId: c.id, year: 2024, amountDkk: 1 });
    if (period)
      await tx.insert(reportingPeriods).values({
        clusterId: c.id,
        year: 2024,
        status: period.status,
        submittedAt: new Date(period.submittedAt),
      });
  });
  return c;
}

describe(`reporting completeness (${testDriver()})`, () => {
  it('counts funded clusters submitted and approved on time, late and overdue, per funder and nationally', async () => {
    const north = await createOrganisation(database.db, { kind: 'funder', name: 'Aa Nord' });
    const south = await createOrganisation(database.db, { kind: 'funder', name: 'Bb Syd' });
    // North's deadline is 1 March 2025 (the default); South's 1 April 2025.
    await setDeadlineRule(database.db, roleCaller('admin'), { funderId: south.id, month: 4, day: 1 });
    // 23:30 on 1 March Danish time is still the deadline day (22:30 UTC in winter).
    await cluster('K1', [north.id], { status: 'approved', submittedAt: '2025-03-01T22:30:00Z' });
    // Funded by both: the earliest deadline (1 March) counts, so 2 March is late for both funders.
    await cluster('K2', [north.id, south.id], { status: 'submitted', submittedAt: '2025-03-02T09:00:00Z' });
    await cluster('K3', [south.id], { status: 'submitted', submittedAt: '2025-03-20T09:00:00Z' });
    await cluster('K4', [south.id]);
    await cluster('K5', [north.id], { status: 'returned', submittedAt: '2025-02-01T09:00:00Z' });

    const rows = await reportingCompleteness(database.db, { funders: null, today: '2025-03-15' });
    const shape = (r: (typeof rows)[number]) => [
      r.funderName ?? 'national',
      r.year,
      r.funded,
      r.submittedOnTime,
      r.approvedOnTime,
      r.submittedLate,
      r.overdue,
    ];
    // On 15 March: K4 is not yet due (South's 1 April), K5 (returned) is overdue for North.
    expect(rows.map(shape)).toEqual([
      ['national', 2024, 5, 2, 1, 1, 1],
      ['Aa Nord', 2024, 3, 1, 1, 1, 1],
      ['Bb Syd', 2024, 3, 1, 0, 1, 0],
    ]);
    const later = await reportingCompleteness(database.db, { funders: [south.id], today: '2025-04-02' });
    expect(later.map(shape)).toEqual([
      ['national', 2024, 5, 2, 1, 1, 2],
      ['Bb Syd', 2024, 3, 1, 0, 1, 1],
    ]);
  });
});
