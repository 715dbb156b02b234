/**
 * The load side shared by the page benchmarks: autocannon in a child process (bench/load.mjs), so
 * that the load generator does not share an event loop with the server measured in this process.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
export const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const loadScript = fileURLToPath(new URL('./load.mjs', import.meta.url));

export interface Load {
  requests: number;
  warmupRequests: number;
  /** Server CPU time per request (user + system) in microseconds: steadier than latency on a busy machine. */
  cpuUs: number;
  rps: number;
  p50: number;
  p95: number;
  p975: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/**
 * Loads `url` (cycling through `paths` on its host when given, with `headers` on every request).
 * The server runs in this process, so the CPU time measured here is the server's.
 */
export async function load(
  url: string,
  paths: string[] = [],
  headers: Record<string, string> = {},
): Promise<Load> {
  const dir = await mkdtemp(join(tmpdir(), 'klynge-bench-'));
  try {
    const args = [loadScript, url, String(CONNECTIONS), String(SECONDS), String(WARMUP)];
    if (paths.length) {
      await writeFile(join(dir, 'paths.json'), JSON.stringify(paths));
      args.push(join(dir, 'paths.json'));
    }
    const cpu = process.cpuUsage();
    const { stdout } = await promisify(execFile)(process.execPath, args, {
      maxBuffer: 1 << 20,
      env: { ...process.env, LOAD_HEADERS: JSON.stringify(headers) },
    });
    const used = process.cpuUsage(cpu);
    const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Omit<Load, 'cpuUs'>;
    const served = result.requests + result.warmupRequests;
    return { ...result, cpuUs: served > 0 ? (used.user + used.system) / served : Number.NaN };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const fmt = (v: number, width: number, digits = 2) => v.toFixed(digits).padStart(width);

export function printHeader(width = 22): void {
  console.log(
    `${'target'.padEnd(width)}${'req/s'.padStart(10)}${'p50 ms'.padStart(10)}${'p95 ms'.padStart(10)}${'p97.5 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'CPU µs/req'.padStart(12)}${'non-2xx'.padStart(10)}`,
  );
}

export function printRow(name: string, r: Load, width = 22): void {
  console.log(
    `${name.padEnd(width)}${fmt(r.rps, 10, 0)}${fmt(r.p50, 10)}${fmt(r.p95, 10)}${fmt(r.p975, 10)}${fmt(r.p99, 10)}${fmt(r.cpuUs, 12, 0)}${String(r.non2xx + r.errors).padStart(10)}`,
  );
}

/** The paths in a fixed shuffle, so that consecutive requests do not share a word or a filter. */
export function fixedShuffle(paths: string[]): string[] {
  return paths
    .map((p, i) => ({ p, k: (i * 7919) % paths.length }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.p);
}
