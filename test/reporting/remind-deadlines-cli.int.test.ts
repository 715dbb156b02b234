import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import { type Database, queryRows } from '../../src/db/client.ts';
import { fundingGrants } from '../../src/db/schema/index.ts';
import { mailingCli } from '../support/cli.ts';
import { testDriver } from '../support/database.ts';
import { createOrganisation, createUser } from '../support/factories.ts';

/**
 * The command on the test's own PostgreSQL database; the reminders themselves are tested on both
 * drivers (deadline-reminders.int.test.ts), the CLI's PGlite set-up by cli.int.test.ts.
 */
const cli = mailingCli('deadlines');
const run = cli.run;
const withDb = <T>(work: (db: Database) => Promise<T>): Promise<T> => work(cli.db());

describe.runIf(testDriver() === 'postgres')('klynge reporting remind', () => {
  it('mails the reminder due on --today once; refuses a day that does not exist', async () => {
    const email = await withDb(async (database) => {
      const funder = await createOrganisation(database.db, { kind: 'funder' });
      const cluster = await createOrganisation(database.db, { name: 'Klynge CLI' });
      const staff = await createUser(database.db, 'cluster_staff', { organisationId: cluster.id });
      await withActor(database.db, systemActor('test'), (tx) =>
        tx
          .insert(fundingGrants)
          .values({ funderId: funder.id, clusterId: cluster.id, year: 2019, amountDkk: 1 }),
      );
      return staff.email;
    });
    // 1 March 2020 less 7 days is 23 February (2020 is a leap year).
    const first = await run(['reporting', 'remind', '--today=2020-02-23']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe('Sent 1 deadline reminder e-mail(s) to 1 cluster year(s) on 2020-02-23\n');
    expect(cli.smtp().received.map((m) => m.to)).toEqual([[email]]);
    const again = await run(['reporting', 'remind', '--today=2020-02-23']);
    expect(again.stdout).toBe('Sent 0 deadline reminder e-mail(s) to 0 cluster year(s) on 2020-02-23\n');
    expect(cli.smtp().received).toHaveLength(1);
    const claims = await withDb((database) =>
      queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from reporting_reminders`),
    );
    expect(claims[0]?.n).toBe(1);
    const wrong = await run(['reporting', 'remind', '--today=2020-02-30']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(
      'klynge reporting remind: --today must be a day as YYYY-MM-DD, not 2020-02-30\n',
    );
  }, 180_000);
});
