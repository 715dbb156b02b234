import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { createFirstAdministrator } from '../domain/accounts/bootstrap.ts';
import { AppError } from '../domain/errors.ts';
import { href } from '../http/paths.ts';

/**
 * `klynge init --email ... [--name ...] [--organisation ...]`: the first administrator of an
 * empty installation. Prints the one-time link that sets the password (exit 0); exit 1 when an
 * administrator exists, 2 on bad arguments.
 */
export async function initCommand(
  database: Database,
  args: { email: string; name: string | undefined; organisation: string | undefined },
): Promise<number> {
  const config = loadConfig();
  try {
    const admin = await createFirstAdministrator(
      database.db,
      { email: args.email, name: args.name, organisation: args.organisation },
      new Date(),
    );
    const link = `${config.publicUrl.replace(/\/$/, '')}${href('resetPassword', 'da', { token: admin.token })}`;
    process.stdout.write(
      `Created the administrator ${admin.email} (${admin.organisationName}).\n` +
        `Set the password within an hour, once, at:\n\n  ${link}\n\n` +
        `Later, use "Glemt adgangskode" on the login page.\n`,
    );
    return 0;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const reason =
      e.code === 'validation'
        ? `invalid ${e.issues.map((i) => `--${i.field} (${i.message})`).join(', ')}`
        : e.issues[0]?.field === 'email'
          ? `a user with the e-mail ${args.email} exists`
          : e.issues[0]?.field === 'organisation'
            ? 'another organisation has the same address (slug); choose another --organisation'
            : 'an administrator exists already; nothing was changed';
    process.stderr.write(`klynge init: ${reason}\n`);
    return e.code === 'validation' ? 2 : 1;
  }
}
