/**
 * The signed links of the newsletter: a sign-up's confirmation (expires) and a subscriber's
 * unsubscribe link (does not: RFC 8058 asks that it keep working). A token is the subscriber's
 * id (and expiry) with an HMAC-SHA256 under the server's secret, so nothing is stored to check
 * it and nobody without the secret can make one for another subscriber.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a confirmation link works. */
export const CONFIRMATION_HOURS = 48;

type Purpose = 'confirm' | 'unsubscribe';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const signatureOf = (secret: string, purpose: Purpose, payload: string) =>
  createHmac('sha256', secret).update(`newsletter-${purpose}:${payload}`).digest('base64url');

function verified(secret: string, purpose: Purpose, payload: string, signature: string): boolean {
  const expected = Buffer.from(signatureOf(secret, purpose, payload));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function confirmationToken(secret: string, subscriberId: string, now: Date): string {
  const expires = Math.floor(now.getTime() / 1000) + CONFIRMATION_HOURS * 3600;
  const payload = `${subscriberId}.${expires}`;
  return `${payload}.${signatureOf(secret, 'confirm', payload)}`;
}

export type ConfirmationCheck =
  | { ok: true; subscriberId: string }
  | { ok: false; reason: 'invalid' | 'expired' };

/** Whether a confirmation token is ours, and still in time. */
export function checkConfirmationToken(secret: string, token: string, now: Date): ConfirmationCheck {
  const [id = '', expires = '', signature = '', ...rest] = token.split('.');
  if (rest.length > 0 || !UUID.test(id) || !/^\d{1,12}$/.test(expires))
    return { ok: false, reason: 'invalid' };
  if (!verified(secret, 'confirm', `${id}.${expires}`, signature)) return { ok: false, reason: 'invalid' };
  if (Number(expires) * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, subscriberId: id };
}

export const unsubscribeToken = (secret: string, subscriberId: string): string =>
  `${subscriberId}.${signatureOf(secret, 'unsubscribe', subscriberId)}`;

/** The subscriber an unsubscribe token names, or null when it is not ours. */
export function subscriberOfUnsubscribeToken(secret: string, token: string): string | null {
  const [id = '', signature = '', ...rest] = token.split('.');
  if (rest.length > 0 || !UUID.test(id)) return null;
  return verified(secret, 'unsubscribe', id, signature) ? id : null;
}
