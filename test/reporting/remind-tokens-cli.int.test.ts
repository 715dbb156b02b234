import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../src/db/client.ts';
import { createApiToken } from '../../src/domain/reporting/tokens/tokens.ts';
import { createUserAndCaller } from '../support/callers.ts';
import { mailingCli } from '../support/cli.ts';
import { testDriver } from '../support/database.ts';
import { createOrganisation } from '../support/factories.ts';

/**
 * The command on the test's own PostgreSQL database; the reminders themselves are tested on both
 * drivers (token-reminders.int.test.ts), the CLI's PGlite set-up by cli.int.test.ts.
 */
const cli = mailingCli('remind');
const run = cli.run;
const withDb = <T>(work: (db: Database) => Promise<T>): Promise<T> => work(cli.db());

describe.runIf(testDriver() === 'postgres')('klynge remind-tokens', () => {
  it('mails the reminder once; a run that cannot reach the SMTP server exits 1 and leaves it for the next', async () => {
    const DAY = 86_400_000;
    const { tokenId, email } = await withDb(async (database) => {
      const org = await createOrganisation(database.db, { name: 'Klynge CLI' });
      const { user: creator, caller } = await createUserAndCaller(database.db, 'cluster_staff', {
        organisationId: org.id,
      });
      // Made 20 days ago with a 30-day lifetime: it expires in 10 days, by the real clock the CLI uses.
      const token = await createApiToken(database.db, caller, {
        organisationId: org.id,
        name: 'Lønsystem',
        now: new Date(Date.now() - 20 * DAY),
        lifetime: 30,
      });
      // Due in 20 days: not yet.
      await createApiToken(database.db, caller, {
        organisationId: org.id,
        name: 'Senere',
        now: new Date(Date.now() - 10 * DAY),
        lifetime: 30,
      });
      return { tokenId: token.id, email: creator.email };
    });
    const reminded = () =>
      withDb(async (database) => {
        const [row] = await queryRows<{ at: unknown }>(
          database.db,
          sql`select expiry_reminded_at as at from api_tokens where id = ${tokenId}`,
        );
        return row?.at ?? null;
      });

    const failed = await run(['remind-tokens'], { SMTP_URL: 'smtp://127.0.0.1:1' });
    expect(failed.code, failed.stderr).toBe(1);
    expect(failed.stdout).toContain('Sent 0 reminder e-mail(s) for 0 API token(s)');
    expect(failed.stdout).toContain('1 e-mail(s) failed, 1 token(s) left for the next run');
    expect(failed.stderr).toContain('API token expiry reminder not sent');
    expect(await reminded()).toBeNull();

    const first = await run(['remind-tokens']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe('Sent 1 reminder e-mail(s) for 1 API token(s) expiring within 14 days\n');
    expect(cli.smtp().received.map((m) => m.to)).toEqual([[email]]);
    const body = (cli.smtp().received[0]?.data ?? '').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    expect(body).toContain('https://klynge.example/arbejdsrum/api-noegler?organisation=');
    expect(await reminded()).not.toBeNull();

    const again = await run(['remind-tokens']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Sent 0 reminder e-mail(s)');
    expect(cli.smtp().received).toHaveLength(1);
  }, 180_000);
});
