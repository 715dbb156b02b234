import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { fail, parseReportArgs } from './report-args.ts';

// Each command loads what it needs when it runs (dynamic imports): the web application, the
// database drivers and the report renderers take seconds to load, and usage errors and --help
// answer without them.

const USAGE = `Usage: klynge <command> [options]

Commands:
  serve [--demo]     migrate, then serve the web application on PORT (default 3000);
                     --demo loads the demo data first when the database is empty
  migrate            apply the database migrations
  init --email E [--name N] [--organisation O]
                     create the first administrator of an empty installation and print
                     a one-time link to set the password; exit 1 when an administrator
                     exists (organisation: default Klyngeportalen, the support function)
  seed --demo        load the demo data set into an empty database
  import <files...>  load one delivery of reporting files (.csv, .xlsx); --format json
                     for machine-readable errors; exit 1 when rejected (nothing written)
  report --year Y [--cluster CVR | --region CODE | --league NAME] [--preliminary]
         [--format json|csv|xlsx|pdf] [--out FILE]
                     the official performance account of a year (approved and locked
                     years only), nationally, for one cluster, one region (1081-1085, by
                     company address) or one league (world_class, regional, emerging);
                     --preliminary counts every delivery and says so; xlsx and pdf go to
                     --out or a redirected stdout; --cluster all (xlsx, pdf) adds one
                     sheet or section per cluster
  backup <file>      write a backup of the whole database to <file> (pg_dump's custom format for
                     PostgreSQL, a dump of the data directory for the embedded database)
  restore <file>     replace the database with a backup made by klynge backup, then migrate it;
                     stop the server first (PostgreSQL: one transaction, so a failed restore
                     changes nothing; embedded: the replaced data directory is kept beside it)
  retention          delete personal data past its retention period (the server's
                     scheduled job does it daily); prints what was removed per kind
  remind-tokens      e-mail reminders for API tokens expiring within 14 days (the
                     server's scheduled job does it hourly); exit 1 when a mail could
                     not be sent (retried on the next run)
  reporting remind [--today=YYYY-MM-DD]
                     e-mail the reporting deadline reminders due today (30 and 7 days before
                     a funded year's deadline, and the day after) to clusters that have not
                     submitted; each once (the server's scheduled job runs it daily);
                     exit 1 when a mail could not be sent (retried)
  calls remind [--today=YYYY-MM-DD]
                     e-mail the call deadline reminders due today, 7 days and 1 day before:
                     applicants with a draft (application deadline), assessors with unfinished
                     assessments (assessment deadline), the call's funders (decision date);
                     each once (the server's scheduled job runs it daily); exit 1 when a mail
                     could not be sent (retried)
  remind-referrals   e-mail reminders for referrals waiting more than 5 working days (the
                     server's scheduled job does it hourly); exit 1 when a mail could not
                     be sent (retried on the next run)
  labels remind [--today=YYYY-MM-DD]
                     e-mail the clusters' staff and the support function 12, 6 and 3 months
                     before a label expires, each reminder once (the server's scheduled
                     job runs it daily; --today runs it for another day); exit 1 when a
                     mail could not be sent (retried)
  support remind [--today=YYYY-MM-DD]
                     e-mail the registrants of courses starting in 7 days and tomorrow
                     (the server's scheduled job runs it daily; never twice); exit 1
                     when a mail failed
  matchmaking follow-ups [--today=YYYY-MM-DD]
                     start the follow-up surveys due 3 and 6 months after matchmaking events
                     (the server's scheduled job runs it daily; each round once) and queue
                     their invitations for the server to send
  surveys effect-round [--today=YYYY-MM-DD]
                     start the company effect survey round if one is due today (every second
                     year from 1 April; the server's scheduled job checks daily; never twice)
                     and queue its invitations for the server to send

Database: DATABASE_URL=postgres://... selects a PostgreSQL server; without it the embedded
PGlite database in DATA_DIR (default ./data) is used.`;

async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const { openDatabase, migrateDatabase } = await import('../db/client.ts');
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateDatabase(database);
    return await work(database);
  } finally {
    await database.close();
  }
}

async function seed(database: Database): Promise<void> {
  const { seedDemo } = await import('../domain/demo/seed.ts');
  const started = performance.now();
  const summary = await seedDemo(database, (msg) => process.stderr.write(`  ${msg}\n`));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    `Demo data loaded in ${seconds} s: ${summary.clusters} clusters, ${summary.distinctCompanies} companies, ` +
      `${summary.activities} activities, ${summary.participations} participations (companies and activities are synthetic).\n`,
  );
}

async function printLogins(url: string): Promise<void> {
  const { DEMO_LOGINS, DEMO_PASSWORD, DEMO_TOTP_SECRET, demoNeedsSecondFactor } = await import(
    '../domain/demo/users.ts'
  );
  const lines = DEMO_LOGINS.map(
    (d) => `  ${d.role.padEnd(24)} ${d.email}${demoNeedsSecondFactor(d) ? '  (two-step login)' : ''}`,
  );
  process.stdout.write(
    `\nDemo logins (password: ${DEMO_PASSWORD}):\n${lines.join('\n')}\n\n` +
      `Two-step login: add the TOTP key ${DEMO_TOTP_SECRET} to an authenticator app\n` +
      `(otpauth://totp/Klyngeportalen?secret=${DEMO_TOTP_SECRET}&issuer=Klyngeportalen); the demo's code page also shows the current code.\n\n` +
      `Log in at ${url}/log-ind\n`,
  );
}

async function serveCommand(demo: boolean): Promise<void> {
  const config = loadConfig();
  const [{ createLogger }, { startServer }, { openDatabase, migrateDatabase }, { isDatabaseEmpty }] =
    await Promise.all([
      import('../logger.ts'),
      import('../main.ts'),
      import('../db/client.ts'),
      import('../domain/demo/seed.ts'),
    ]);
  const logger = createLogger(config);
  const started = performance.now();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateDatabase(database);
  const seeded = demo && (await isDatabaseEmpty(database.db));
  if (seeded) await seed(database);
  const server = await startServer(config, database, logger);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `\nKlyngeportalen is running at ${server.url} (${database.driver}: ${database.location}; ready in ${seconds} s)\n`,
  );
  if (server.metricsUrl) process.stdout.write(`Prometheus metrics at ${server.metricsUrl}\n`);
  if (demo) await printLogins(server.url);
  const stop = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await server.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      format: { type: 'string' },
      year: { type: 'string' },
      cluster: { type: 'string' },
      region: { type: 'string' },
      league: { type: 'string' },
      out: { type: 'string' },
      preliminary: { type: 'boolean', default: false },
      email: { type: 'string' },
      name: { type: 'string' },
      organisation: { type: 'string' },
      today: { type: 'string' },
    },
  });
  const [command] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return command || values.help ? 0 : 2;
  }
  switch (command) {
    case 'serve':
      await serveCommand(values.demo);
      return -1;
    case 'migrate':
      await withDatabase(async (db) => {
        process.stderr.write(`Migrated ${db.driver} database at ${db.location}\n`);
      });
      return 0;
    case 'init': {
      const { email, name, organisation } = values;
      if (!email) {
        process.stderr.write('klynge init: --email is required\n');
        return 2;
      }
      const { initCommand } = await import('./init.ts');
      return withDatabase((db) => initCommand(db, { email, name, organisation }));
    }
    case 'seed':
      if (!values.demo) {
        process.stderr.write('klynge seed: only --demo is supported\n');
        return 2;
      }
      await withDatabase(async (database) => {
        const { isDatabaseEmpty } = await import('../domain/demo/seed.ts');
        if (!(await isDatabaseEmpty(database.db))) {
          process.stderr.write(
            'klynge seed: the database already has data; the demo data is only loaded into an empty database\n',
          );
          throw new ExitError(1);
        }
        await seed(database);
      });
      return 0;
    case 'import': {
      const format = values.format ?? 'text';
      if (format !== 'text' && format !== 'json') {
        process.stderr.write('klynge import: --format must be text or json\n');
        return 2;
      }
      const { importCommand } = await import('./import.ts');
      return withDatabase((db) => importCommand(db, positionals.slice(1), format));
    }
    case 'report': {
      const args = parseReportArgs({
        year: values.year,
        cluster: values.cluster,
        region: values.region,
        league: values.league,
        format: values.format ?? 'json',
        out: values.out,
        preliminary: values.preliminary,
      });
      if (typeof args === 'string') return fail(args);
      const { reportCommand } = await import('./report.ts');
      return withDatabase((db) => reportCommand(db, args));
    }
    case 'backup':
    case 'restore': {
      const file = positionals[1];
      if (!file || positionals.length > 2) {
        process.stderr.write(`klynge ${command}: give exactly one file: klynge ${command} <file>\n`);
        return 2;
      }
      const { backupCommand, restoreCommand } = await import('./backup.ts');
      return (command === 'backup' ? backupCommand : restoreCommand)(loadConfig(), file);
    }
    case 'retention': {
      const { runRetention } = await import('../jobs/retention.ts');
      const { createLogger } = await import('../logger.ts');
      const config = loadConfig();
      return withDatabase(async (database) => {
        const affected = await runRetention({
          config,
          db: database.db,
          logger: createLogger(config, process.stderr),
          clock: () => new Date(),
        });
        const parts = Object.entries(affected).map(([kind, n]) => `${kind}: ${n}`);
        process.stdout.write(`Retention: ${parts.join(', ')}\n`);
        return 0;
      });
    }
    case 'remind-tokens': {
      const { remindTokensCommand } = await import('./remind-tokens.ts');
      return withDatabase((db) => remindTokensCommand(db));
    }
    case 'reporting': {
      if (positionals[1] !== 'remind' || positionals.length > 2) {
        process.stderr.write('klynge reporting: the only subcommand is remind [--today=YYYY-MM-DD]\n');
        return 2;
      }
      const { remindDeadlinesCommand } = await import('./remind-deadlines.ts');
      return withDatabase((db) => remindDeadlinesCommand(db, values.today));
    }
    case 'calls': {
      const { copenhagenDate } = await import('../domain/reference/time.ts');
      const { isCalendarDay } = await import('../domain/reference/danish.ts');
      const today = values.today ?? copenhagenDate(new Date());
      if (positionals[1] !== 'remind' || positionals.length > 2 || !isCalendarDay(today)) {
        process.stderr.write('klynge calls: usage: klynge calls remind [--today=YYYY-MM-DD]\n');
        return 2;
      }
      const { remindCallsCommand } = await import('./remind-calls.ts');
      return withDatabase((db) => remindCallsCommand(db, today));
    }
    case 'surveys': {
      if (positionals[1] !== 'effect-round' || positionals.length > 2) {
        process.stderr.write('klynge surveys: the only subcommand is effect-round [--today=YYYY-MM-DD]\n');
        return 2;
      }
      const { effectRoundCommand } = await import('./effect-round.ts');
      return withDatabase((db) => effectRoundCommand(db, values.today));
    }
    case 'matchmaking': {
      if (positionals[1] !== 'follow-ups' || positionals.length > 2) {
        process.stderr.write('klynge matchmaking: the only subcommand is follow-ups [--today=YYYY-MM-DD]\n');
        return 2;
      }
      const { followUpsCommand } = await import('./matchmaking-follow-ups.ts');
      return withDatabase((db) => followUpsCommand(db, values.today));
    }
    case 'remind-referrals': {
      const { remindReferralsCommand } = await import('./referral-jobs.ts');
      return withDatabase((db) => remindReferralsCommand(db));
    }
    case 'labels': {
      const { calendarDay, remindLabelsCommand } = await import('./label-jobs.ts');
      if (positionals[1] !== 'remind' || positionals.length > 2) {
        process.stderr.write('klynge labels: the one subcommand is remind: klynge labels remind\n');
        return 2;
      }
      const today = values.today === undefined ? undefined : calendarDay(values.today);
      if (today === null) {
        process.stderr.write(
          `klynge labels remind: --today must be a date YYYY-MM-DD, not '${values.today}'\n`,
        );
        return 2;
      }
      return withDatabase((db) => remindLabelsCommand(db, today));
    }
    case 'support': {
      const { reminderDay, supportRemindCommand } = await import('./support.ts');
      const today = reminderDay(values.today, new Date());
      if (positionals[1] !== 'remind' || today === null) {
        process.stderr.write('klynge support: usage: klynge support remind [--today=YYYY-MM-DD]\n');
        return 2;
      }
      return withDatabase((db) => supportRemindCommand(db, today));
    }
    default:
      process.stderr.write(`klynge: unknown command '${command}'\n\n${USAGE}\n`);
      return 2;
  }
}

class ExitError extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    if (err instanceof ExitError) process.exit(err.exitCode);
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`klynge: ${err.message}\n\n${USAGE}\n`);
      process.exit(2);
    }
    process.stderr.write(`klynge: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
