import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.ts';
import { mailingCli } from '../support/cli.ts';
import { testDriver } from '../support/database.ts';
import { createOrganisation } from '../support/factories.ts';
import { addParticipants, asSystem, createSurveyCluster, testCvr } from './fixture.ts';

/**
 * The command on the test's own PostgreSQL database: it starts the round and queues its
 * invitations for the server's job queue; the rounds themselves are tested on both drivers
 * (effect-round.int.test.ts).
 */
const cli = mailingCli('effect-round');

describe.runIf(testDriver() === 'postgres')('klynge surveys effect-round', () => {
  it('starts the round of --today once and queues its invitations; refuses a day that does not exist', async () => {
    const db = cli.db().db;
    await createOrganisation(db, { kind: 'support_function' });
    const cluster = await createSurveyCluster(db, { name: 'Klynge CLI-runde' });
    const cvr = testCvr();
    await addParticipants(db, cluster, 2025, [{ cvr, name: 'CLI ApS', employees: 3, municipalityCode: 101 }]);
    await asSystem(
      db,
      sql`insert into company_contacts (cluster_id, cvr, email) values (${cluster}, ${cvr}, 'cli@effekt.example')`,
    );
    const wrong = await cli.run(['surveys', 'effect-round', '--today=2026-02-30']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(
      'klynge surveys effect-round: --today must be a day as YYYY-MM-DD, not 2026-02-30\n',
    );
    const first = await cli.run(['surveys', 'effect-round', '--today=2026-04-01']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe('Started the company effect survey round: 1 invitation(s) queued\n');
    const again = await cli.run(['surveys', 'effect-round', '--today=2026-04-01']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe(
      'No company effect survey round is due (not a sending year, before the sending date, or already started)\n',
    );
    const queued = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from pgboss.job where name = 'survey-mails' and state = 'created'`,
    );
    expect(queued[0]?.n).toBe(1);
  }, 180_000);
});
