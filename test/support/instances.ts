import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/*
 * Real app processes (`klynge serve`, as in production) on one PostgreSQL database, for tests of
 * what several instances share and of what survives a process that stops or dies.
 */

const KLYNGE = fileURLToPath(new URL('../../bin/klynge.js', import.meta.url));

export interface Instance {
  url: string;
  process: ChildProcess;
}

/** Starts `klynge serve` on a free port with `env` added, and resolves with its address once it listens. */
export function startInstance(databaseUrl: string, env: Record<string, string> = {}): Promise<Instance> {
  const child = spawn(process.execPath, [KLYNGE, 'serve'], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      JOB_POLL_SECONDS: '0.5',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /running at (http:\/\/\S+) /.exec(output)?.[1];
      if (url) resolve({ url, process: child });
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', (code) => reject(new Error(`klynge serve exited with ${code}:\n${output}`)));
  });
}

/** Stops an instance with `signal` (SIGTERM: gracefully; SIGKILL: as a crash) and waits until it has exited. */
export function stopInstance(
  instance: Instance | undefined,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  const child = instance?.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** Polls `check` every 50 ms until it holds (the instances work on their own clocks). */
export async function until(check: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
