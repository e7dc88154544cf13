import 'server-only';
import { refresh } from 'next/cache';
import { expireReaderTags } from '@/lib/reader/expire';
import type { z } from 'zod';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/current-user';
import { Forbidden, type Outcome } from '@/lib/dal';
import { getRequestIp } from '@/lib/http/request-ip';

/** What every form action returns to useActionState. Errors are catalogue keys; secrets never travel back. */
export type FormState<T = undefined> = {
  ok?: boolean;
  error?: string;
  fieldErrors?: Record<string, string>;
  /** The submitted values, so a form shown again after an error keeps what was typed (passwords excepted). */
  values?: Record<string, string>;
  data?: T;
};

type ActionContext = { user: CurrentUser | null; ip: string };

const SECRET_FIELD = /password|token/i;

function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === 'string' && !key.startsWith('$') && !SECRET_FIELD.test(key)) values[key] = value;
  }
  return values;
}

function firstIssuePerField(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    fieldErrors[field] ??= issue.message.startsWith('errors.') ? issue.message : 'errors.invalid';
  }
  return fieldErrors;
}

/** The form's text fields; those named in `lists` (a group of checkboxes) with every value, the rest with their last. */
function formFields(formData: FormData, lists: readonly string[]): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const [name, value] of formData) if (typeof value === 'string') fields[name] = value;
  for (const name of lists) fields[name] = formData.getAll(name).filter((v): v is string => typeof v === 'string');
  return fields;
}

/**
 * Wraps a form action: parses the form with its zod schema, hands the DAL
 * call the session's user and the client IP, and turns the outcome into
 * FormState. A Forbidden from the DAL answers like a missing page. On success
 * the page re-renders unless told not to (the form opens another page).
 */
export function formAction<S extends z.ZodType, T = undefined>(
  schema: S,
  handler: (input: z.infer<S>, ctx: ActionContext) => Promise<Outcome<T>>,
  options: { lists?: readonly string[]; refresh?: boolean } = {},
) {
  return async (_previous: FormState<T>, formData: FormData): Promise<FormState<T>> => {
    const values = submittedValues(formData);
    const parsed = schema.safeParse(formFields(formData, options.lists ?? []));
    if (!parsed.success) return { ok: false, fieldErrors: firstIssuePerField(parsed.error), values };
    const state = await runAction((ctx) => handler(parsed.data, ctx), { refresh: options.refresh });
    return state.ok ? state : { ...state, values };
  };
}

/**
 * For actions called with arguments rather than a form (WebAuthn ceremonies):
 * hands the DAL call the session's user and the client IP, and turns the
 * outcome into FormState, a Forbidden into "not found". On success the page
 * re-renders unless told not to (a read has nothing new to show).
 */
export async function runAction<T>(handler: (ctx: ActionContext) => Promise<Outcome<T>>, options: { refresh?: boolean } = {}): Promise<FormState<T>> {
  const user = await getCurrentUser();
  try {
    const outcome = await handler({ user, ip: await getRequestIp() });
    if (outcome.ok) {
      // Re-render the page the form is on, so it shows what was just saved.
      if (options.refresh !== false) refresh();
      return { ok: true, data: outcome.data };
    }
    return { ok: false, error: outcome.error, fieldErrors: outcome.fieldErrors };
  } catch (error) {
    if (error instanceof Forbidden) return { ok: false, error: user ? 'errors.notFound' : 'errors.signedOut' };
    throw error;
  }
}

/** Expires, at once, the reader cache tags a successful change answered with (data and page caches, every instance). */
export async function expiringTags<T extends { tags: string[] }>(outcome: Outcome<T>): Promise<Outcome<T>> {
  if (outcome.ok) await expireReaderTags(outcome.data.tags);
  return outcome;
}
