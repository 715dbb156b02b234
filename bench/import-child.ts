/**
 * One delivery loaded in a process of its own, so its peak memory (maxRSS) is the import's.
 * Prints one JSON line: seconds, rows, maxRssMb, ok.
 */
import { printTimings } from '../src/cli/import.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { fileFromPath, submitDelivery } from '../src/domain/reporting/delivery/submit.ts';
import { systemCaller } from '../src/domain/reporting/policy.ts';

const [url, ...paths] = process.argv.slice(2);
const database = await openDatabase({ databaseUrl: url });
const started = performance.now();
const outcome = await submitDelivery(database, systemCaller('bench'), {
  channel: 'cli',
  files: paths.map(fileFromPath),
  now: () => new Date(),
  timings: loadConfig().importProfile ? printTimings : undefined,
});
const seconds = (performance.now() - started) / 1000;
await database.close();
process.stdout.write(
  `${JSON.stringify({ ok: outcome.ok, seconds, rows: outcome.counts.participants, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
);
