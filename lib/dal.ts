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
