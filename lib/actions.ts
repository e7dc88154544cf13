import 'server-only';
import { refresh, updateTag } from 'next/cache';
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

/**
 * Wraps a form action: parses the form with its zod schema, hands the DAL
 * call the session's user and the client IP, and turns the outcome into
 * FormState. A Forbidden from the DAL answers like a missing page.
 */
export function formAction<S extends z.ZodType, T = undefined>(
  schema: S,
  handler: (input: z.infer<S>, ctx: ActionContext) => Promise<Outcome<T>>,
) {
  return async (_previous: FormState<T>, formData: FormData): Promise<FormState<T>> => {
    const values = submittedValues(formData);
    const parsed = schema.safeParse(Object.fromEntries([...formData].filter(([, v]) => typeof v === 'string')));
    if (!parsed.success) return { ok: false, fieldErrors: firstIssuePerField(parsed.error), values };
    const user = await getCurrentUser();
    try {
      const outcome = await handler(parsed.data, { user, ip: await getRequestIp() });
      if (outcome.ok) {
        // Re-render the page the form is on, so it shows what was just saved.
        refresh();
        return { ok: true, data: outcome.data };
      }
      return { ok: false, error: outcome.error, fieldErrors: outcome.fieldErrors, values };
    } catch (error) {
      if (error instanceof Forbidden) return { ok: false, error: user ? 'errors.notFound' : 'errors.signedOut', values };
      throw error;
    }
  };
}

/** Expires, at once, the reader cache tags a successful change answered with. */
export function expiringTags<T extends { tags: string[] }>(outcome: Outcome<T>): Outcome<T> {
  if (outcome.ok) for (const tag of outcome.data.tags) updateTag(tag);
  return outcome;
}
