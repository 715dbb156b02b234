import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { createMailer, type Mailer } from '../../src/mail/mailer.ts';

export interface ReceivedMail {
  to: string[];
  /** The raw message as the server received it (headers and body). */
  data: string;
}

/**
 * A real SMTP server on a free loopback port, and the app's mailer configured to send through it.
 * Every delivered message lands in `received`; `close()` stops the server. Recipients in `refuse`
 * (changeable while the server runs) are refused with a permanent 550, so sending to them fails;
 * with `acceptAfterMs` each message is accepted only that long after it arrived (a slow server).
 */
export async function startSmtpServer(opts: { refuse?: Set<string>; acceptAfterMs?: number } = {}): Promise<{
  mailer: Mailer;
  /** The server's SMTP_URL, for a child process to send through. */
  url: string;
  received: ReceivedMail[];
  /** Recipients as the sender names them, before the message is accepted (a mail under way). */
  arriving: string[];
  close: () => Promise<void>;
}> {
  const received: ReceivedMail[] = [];
  const arriving: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (opts.refuse?.has(address.address.toLowerCase())) {
        const err = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
        callback(err);
        return;
      }
      arriving.push(address.address);
      callback();
    },
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (c: Buffer) => {
        data += c.toString('utf8');
      });
      stream.on('end', () => {
        // A slow server: the message is accepted (and the sender's send resolves) only after the delay.
        setTimeout(() => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
          callback();
        }, opts.acceptAfterMs ?? 0);
      });
    },
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  const port = (server.server.address() as AddressInfo).port;
  const url = `smtp://127.0.0.1:${port}`;
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SMTP_URL: url });
  return {
    mailer: createMailer(config, createLogger(config)),
    url,
    received,
    arriving,
    close: () => new Promise<void>((res) => server.close(() => res())),
  };
}

/** A received message's text as a person reads it: quoted-printable soft breaks and escapes decoded. */
export function readableMail(data: string): string {
  const joined = data.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? /^[0-9A-F]{2}/.exec(joined.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(Number.parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i] ?? ''));
  }
  return Buffer.from(bytes).toString('utf8');
}
