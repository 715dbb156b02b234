import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from './organisations.ts';

export const role = pgEnum('role', [
  'admin',
  'funder',
  'assessor',
  'cluster_staff',
  'support_staff',
  'business_service_staff',
  /** A person acting for a company (kind `company`), e.g. signed in with MitID Erhverv. */
  'company_user',
  /**
   * Manages the users of their own organisation (invite, change role, remove), held beside the
   * person's work role in it (docs/organisations.md).
   */
  'organisation_admin',
]);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-cased; the login name. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** argon2id PHC string; null for users who only sign in through an external identity provider. */
    passwordHash: text('password_hash'),
    locale: text('locale').notNull().default('da'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    /** Set when an administrator invites the person; cleared at the first sign-in (the invitation is accepted). */
    invitedAt: timestamp('invited_at', { withTimezone: true }),
    /** Set when the person's data was erased: the row stays, pseudonymised, for the records that point to it. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    check('users_email_lowercase', sql`${t.email} = lower(${t.email})`),
  ],
);

/** A user's role in an organisation. A user may hold several roles in several organisations. */
export const memberships = pgTable(
  'memberships',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: role('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.organisationId, t.role] }),
    index('memberships_org_idx').on(t.organisationId),
  ],
);

/**
 * Server-side sessions. The cookie holds a random token; only its SHA-256 is stored, so a
 * database leak does not leak live sessions. `authMethod` names the identity provider used
 * ('password', or 'oidc:<provider>' such as MitID Erhverv through NemLog-in).
 */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    /** Names the session in pages and forms (ending it), so the token's hash never leaves the server. */
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    authMethod: text('auth_method').notNull(),
    /** Proven with more than one factor: a password and a one-time code, or a multi-factor identity provider. */
    multiFactor: boolean('multi_factor').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The last request, at most a minute off (the idle timeout counts from it). */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** The browser and system, summarised from the User-Agent (e.g. "Firefox, Windows"); never the whole header. */
    device: text('device').notNull().default(''),
    /** The client's network, coarsened (an IPv4 /24, an IPv6 /48), not the address itself. */
    network: text('network').notNull().default(''),
    /** The identity provider's ID token, for logging out there too (RP-initiated logout). */
    idTokenHint: text('id_token_hint'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), uniqueIndex('sessions_id_key').on(t.id)],
);

/** An identity at an external provider (OIDC `iss` configured as `provider`, and `sub`) linked to a user. */
export const userIdentities = pgTable(
  'user_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The configured provider's id, e.g. 'nemlogin'. */
    provider: text('provider').notNull(),
    /** The provider's stable subject identifier (`sub`). */
    subject: text('subject').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('user_identities_provider_subject_key').on(t.provider, t.subject),
    index('user_identities_user_idx').on(t.userId),
  ],
);

/**
 * A user's TOTP authenticator (RFC 6238). The secret must be readable to check codes, so it is
 * kept out of the audit log (see the audit migration); `lastUsedStep` refuses a code used twice.
 */
export const totpAuthenticators = pgTable('totp_authenticators', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Base32, as the authenticator app was given it. */
  secret: text('secret').notNull(),
  /** Null until the person has proven the app works by entering a code. */
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One-time recovery codes for a lost authenticator; only their SHA-256 is stored. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    codeHash: text('code_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/** One-time password reset tokens, stored hashed, valid for a short time. */
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('password_reset_tokens_user_idx').on(t.userId)],
);
