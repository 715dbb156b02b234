import type { Logger } from '../logger.ts';

/** When a job of the server first runs after start, and how often after that. */
export interface JobTiming {
  firstAfterMs: number;
  everyMs: number;
}

export const HOURLY: JobTiming = { firstAfterMs: 30_000, everyMs: 60 * 60_000 };

/**
 * Runs a job in the server: shortly after start, then at every interval. Errors are logged
 * (with `failed` as the message), never thrown; a run still going when the next is due is not
 * overlapped. The timer does not keep the process alive. Returns the function that stops it.
 */
export function startRepeatingJob(
  logger: Logger,
  failed: string,
  run: () => Promise<void>,
  timing: JobTiming = HOURLY,
): () => void {
  let running = false;
  const once = async () => {
    if (running) return;
    running = true;
    try {
      await run();
    } catch (err) {
      logger.error({ err }, failed);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void once(), timing.firstAfterMs).unref();
  const repeat = setInterval(() => void once(), timing.everyMs).unref();
  return () => {
    clearTimeout(first);
    clearInterval(repeat);
  };
}
