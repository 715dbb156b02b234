/**
 * The personal links of survey invitations. A token is 32 random bytes, sent once in an e-mail
 * and never stored: the invitation keeps SHA-256("invitation:" + token) to find it by, and a
 * sent response keeps SHA-256("response:" + token) as its edit key. Neither hash can be computed
 * from the other without the token, which only the invitee holds: so the respondent can come
 * back to change a sent answer, and the database holds nothing that joins an anonymous
 * response to its invitation (docs/surveys.md).
 */
import { createHash, randomBytes } from 'node:crypto';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const newSurveyToken = (): string => randomBytes(32).toString('base64url');

/** Whether a path segment can be a token at all: anything else is refused before a lookup. */
export const looksLikeToken = (token: string): boolean => TOKEN.test(token);

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export const invitationKeyOf = (token: string): string => sha256(`invitation:${token}`);
export const responseKeyOf = (token: string): string => sha256(`response:${token}`);

/** An address as the opt-out list keeps it: SHA-256 of the trimmed, lower-case address (as in SQL). */
export const optOutKeyOf = (email: string): string => sha256(email.trim().toLowerCase());
