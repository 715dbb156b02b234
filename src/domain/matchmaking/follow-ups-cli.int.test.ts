import { describe, expect, it } from 'vitest';
import { mailingCli } from '../../../test/support/cli.ts';
import { testDriver } from '../../../test/support/database.ts';
import { eventWithMeeting } from '../../../test/support/matchmaking.ts';

/**
 * The command on the test's own PostgreSQL database: it starts the rounds due on --today and
 * queues their invitations; the rounds themselves are tested on both drivers (follow-ups.int.test.ts).
 */
const cli = mailingCli('follow-ups');

describe.runIf(testDriver() === 'postgres')('klynge matchmaking follow-ups', () => {
  it('starts the rounds due on --today once; refuses a day that does not exist', async () => {
    await eventWithMeeting(cli.db().db, 2031);
    const wrong = await cli.run(['matchmaking', 'follow-ups', '--today=2031-06-31']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(
      'klynge matchmaking follow-ups: --today must be a day as YYYY-MM-DD, not 2031-06-31\n',
    );
    const first = await cli.run(['matchmaking', 'follow-ups', '--today=2031-06-01']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe('Started 1 matchmaking follow-up round(s): 2 invitation(s) queued\n');
    const again = await cli.run(['matchmaking', 'follow-ups', '--today=2031-06-01']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe('Started 0 matchmaking follow-up round(s): 0 invitation(s) queued\n');
  }, 180_000);
});
