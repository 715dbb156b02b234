import { describe, expect, it } from 'vitest';
import { systemActor, withActor } from '../../src/db/actor.ts';
import { clusterLabels } from '../../src/db/schema/index.ts';
import { mailingCli } from '../support/cli.ts';
import { testDriver } from '../support/database.ts';
import { createOrganisation, createUser } from '../support/factories.ts';

/**
 * The command on the test's own PostgreSQL database; the reminders themselves are tested on both
 * drivers (src/domain/labels).
 */
const cli = mailingCli('labels');
const run = cli.run;

describe.runIf(testDriver() === 'postgres')('klynge labels remind', () => {
  it('sends the reminders due on --today once, and refuses a day that is not one', async () => {
    const db = cli.db().db;
    const cluster = await createOrganisation(db, { name: 'CLI-klyngen' });
    const staff = await createUser(db, 'cluster_staff', { organisationId: cluster.id });
    await withActor(db, systemActor('test'), (tx) =>
      tx.insert(clusterLabels).values({
        organisationId: cluster.id,
        level: 'silver',
        awardedOn: '2025-09-01',
        validUntil: '2027-09-01',
        assessingBody: 'ESCA',
      }),
    );

    const bad = await run(['labels', 'remind', '--today=2026-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--today must be a date YYYY-MM-DD, not '2026-02-30'");

    const first = await run(['labels', 'remind', '--today=2026-09-01']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe('Sent 1 reminder e-mail(s) for 1 label(s) expiring in 12, 6, 3 months\n');
    expect(cli.smtp().received.map((m) => m.to)).toEqual([[staff.email]]);

    const again = await run(['labels', 'remind', '--today=2026-09-01']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Sent 0 reminder e-mail(s) for 0 label(s)');
    expect(cli.smtp().received).toHaveLength(1);
  }, 180_000);
});
