import { can, type Actor, type Capability } from '@/lib/auth/permissions';

// Conventions shared by every DAL module.

/** The caller may not do this. Entry points turn it into the same "not found" answer everywhere. */
export class Forbidden extends Error {
  constructor(capability: string) {
    super(`forbidden: ${capability}`);
    this.name = 'Forbidden';
  }
}

export function authorize(actor: Actor | null, capability: Capability): asserts actor is Actor {
  if (!can(actor, capability)) throw new Forbidden(capability);
}

/** What a mutation returns: data, or errors as catalogue keys (field errors and/or one form error). */
export type Outcome<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; fieldErrors?: Record<string, string>; error?: string };

export const success = <T>(data: T): Outcome<T> => ({ ok: true, data });
export const failure = (error: string, fieldErrors?: Record<string, string>): Outcome<never> => ({ ok: false, error, ...(fieldErrors ? { fieldErrors } : {}) });
export const fieldFailure = (fieldErrors: Record<string, string>): Outcome<never> => ({ ok: false, fieldErrors });

/** Postgres unique violation on the named index, for turning a race into a field error. */
export function isUniqueViolation(error: unknown, index: string): boolean {
  const cause = (error as { cause?: unknown })?.cause ?? error;
  return (cause as { code?: string })?.code === '23505' && (cause as { constraint_name?: string })?.constraint_name === index;
}

// Connection-level failures of postgres.js and server states that mean "the database is not there right now".
// SAHIFA_DB_TIMEOUT is the pool's own deadline (db/index.ts); 57014 a statement the server cancelled at statement_timeout.
const UNAVAILABLE_CODES = new Set(['SAHIFA_DB_TIMEOUT', '57014', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);

/** True when an error means the database is unreachable, as opposed to a bug or a bad query. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 4; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  }
  return false;
}
