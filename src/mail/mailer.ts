import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  replyTo?: string;
  /** Extra header fields, e.g. List-Unsubscribe on survey invitations. */
  headers?: Record<string, string>;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** Messages sent without an SMTP server (development and tests), newest last. */
  readonly outbox: MailMessage[];
}

const OUTBOX_LIMIT = 100;

/**
 * Sends through SMTP when SMTP_URL is set. Without it, nodemailer's JSON transport builds the
 * message for real and it is logged and kept in an in-memory outbox instead of being sent.
 */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>, logger: Logger): Mailer {
  const transport = config.smtpUrl
    ? nodemailer.createTransport(config.smtpUrl)
    : nodemailer.createTransport({ jsonTransport: true });
  const outbox: MailMessage[] = [];
  return {
    outbox,
    async send(message) {
      await transport.sendMail({ from: config.mailFrom, ...message });
      if (!config.smtpUrl) {
        outbox.push(message);
        if (outbox.length > OUTBOX_LIMIT) outbox.shift();
        logger.info({ mail: message }, 'mail not sent (no SMTP_URL); logged instead');
      }
    },
  };
}
