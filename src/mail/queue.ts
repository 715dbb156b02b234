import type { Logger } from '../logger.ts';

/**
 * Mail sent after the response. A request that e-mails (a password reset) answers at once, the
 * same whether or not there is anyone to mail and however slow the mail server is, and the work
 * runs in this process afterwards. What is still queued when the process stops is lost; moving
 * mail to a durable job queue is planned.
 */
export interface MailQueue {
  /** Runs `work` after the current request is answered; a failure is logged, never thrown to it. */
  enqueue(what: string, work: () => Promise<void>): void;
  /** Resolves once everything queued so far has run (tests, shutdown). */
  idle(): Promise<void>;
}

export function createMailQueue(logger: Logger): MailQueue {
  const pending = new Set<Promise<void>>();
  return {
    enqueue(what, work) {
      const run: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
        .then(work)
        .catch((err: unknown) => logger.error({ err, what }, 'queued mail failed'))
        .finally(() => pending.delete(run));
      pending.add(run);
    },
    async idle() {
      while (pending.size > 0) await Promise.all(pending);
    },
  };
}
