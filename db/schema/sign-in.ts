import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tstz, createdAt } from './columns';
import { users } from './accounts';

// Server-side sign-in sessions: the JWT carries the id, and every request
// checks the row (lib/auth/actor.ts), so ending one signs that browser out.
export const userSessions = pgTable(
  'user_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // How the second step was passed: 'password', 'totp', 'recovery', 'passkey'.
    method: text('method').notNull(),
    // The user's session version at sign-in: a later bump (sign out everywhere,
    // password change) ends this session too, and the list leaves it out.
    sessionVersion: integer('session_version').notNull(),
    browser: text('browser').notNull().default(''),
    device: text('device').notNull().default(''),
    ip: text('ip'),
    createdAt: createdAt(),
    // Written at most once a minute (lib/auth/sessions.ts), so a page view rarely writes.
    lastSeenAt: tstz('last_seen_at').notNull().defaultNow(),
    endedAt: tstz('ended_at'),
  },
  (t) => [index('user_sessions_user_idx').on(t.userId, t.lastSeenAt.desc())],
);

// An authenticator app (RFC 6238). Unconfirmed until the first code is typed;
// lastStep is the time step of the last accepted code, so no code is used twice.
export const totpFactors = pgTable('totp_factors', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secret: text('secret').notNull(),
  confirmedAt: tstz('confirmed_at'),
  lastStep: bigint('last_step', { mode: 'number' }),
  createdAt: createdAt(),
});

// Single-use recovery codes; only their SHA-256 is stored.
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: tstz('used_at'),
  },
  (t) => [uniqueIndex('recovery_codes_user_hash_idx').on(t.userId, t.codeHash)],
);

// WebAuthn credentials (passkeys), several per account, each with a name.
export const passkeys = pgTable(
  'passkeys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    // base64url, as the browser reports it.
    credentialId: text('credential_id').notNull(),
    publicKey: text('public_key').notNull(),
    counter: bigint('counter', { mode: 'number' }).notNull().default(0),
    transports: text('transports').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    lastUsedAt: tstz('last_used_at'),
  },
  (t) => [uniqueIndex('passkeys_credential_idx').on(t.credentialId), index('passkeys_user_idx').on(t.userId)],
);

// WebAuthn challenges, single use and short-lived: taken (deleted) when answered.
export const webauthnChallenges = pgTable('webauthn_challenges', {
  id: uuid('id').primaryKey().defaultRandom(),
  challenge: text('challenge').notNull(),
  purpose: text('purpose').notNull(),
  // Registration is for a signed-in user; a passkey sign-in has none yet.
  userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
  expiresAt: tstz('expires_at').notNull(),
});
