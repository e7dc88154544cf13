import { bigserial, boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { WebhookEvent } from '../../lib/enums';
import { deliveryState } from './enums';
import { tstz, createdAt } from './columns';
import { users } from './accounts';

// Keys of the read-only content API (lib/api/keys.ts). Only the SHA-256 of a
// key is stored; the prefix (its first characters) tells keys apart in the
// list and in logs, and is no use on its own.
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    // Written at most once a minute (lib/api/keys.ts), so most requests only read.
    lastUsedAt: tstz('last_used_at'),
    revokedAt: tstz('revoked_at'),
    revokedById: uuid('revoked_by_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('api_keys_hash_idx').on(t.keyHash)],
);

// Outgoing webhooks (lib/webhooks/). The secret signs every body, so it is
// kept as issued (an HMAC key cannot be hashed); it is shown once, at creation.
export const webhooks = pgTable('webhooks', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  url: text('url').notNull(),
  secret: text('secret').notNull(),
  events: text('events').array().$type<WebhookEvent[]>().notNull(),
  // Loopback, private and link-local targets are refused unless an admin allowed them for this hook (audited).
  allowPrivate: boolean('allow_private').notNull().default(false),
  active: boolean('active').notNull().default(true),
  createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

// One event for one hook: the body is fixed when the event happens; the job
// runner attempts it until a 2xx or its attempts run out.
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    webhookId: uuid('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    // A story event, or 'ping' from the "send test" button.
    event: text('event').notNull(),
    payload: jsonb('payload').notNull(),
    state: deliveryState('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    createdAt: createdAt(),
    finishedAt: tstz('finished_at'),
  },
  (t) => [index('webhook_deliveries_hook_idx').on(t.webhookId, t.createdAt.desc())],
);

// Every attempt of a delivery: the log the webhooks page shows.
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    // Null when no response came (refused address, timeout, connection error).
    statusCode: integer('status_code'),
    durationMs: integer('duration_ms').notNull(),
    // A short code of what went wrong (lib/webhooks/send.ts), or null.
    error: text('error'),
    createdAt: createdAt(),
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId, t.attempt)],
);
