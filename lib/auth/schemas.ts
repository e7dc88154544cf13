import { z } from 'zod';
import { PASSWORD_MAX } from './password-policy';

// Form schemas. Messages are catalogue keys (under "errors"), translated by
// the form that shows them, so the server never picks the UI language.

export const emailField = z
  .string({ error: 'errors.required' })
  .trim()
  .min(1, 'errors.required')
  .max(254, 'errors.emailInvalid')
  .pipe(z.email({ error: 'errors.emailInvalid' }));

export const signInSchema = z.object({
  email: emailField,
  password: z.string({ error: 'errors.required' }).min(1, 'errors.required').max(PASSWORD_MAX * 4, 'errors.passwordTooLong'),
  callbackUrl: z.string().optional(),
});

/** A one-time code as typed: six digits (any digit script) or a recovery code; checked after normalization. */
export const codeField = z
  .string({ error: 'errors.required' })
  .trim()
  .min(1, 'errors.required')
  .max(40, 'errors.codeInvalid')
  .refine((value) => !/[\p{Cc}]/u.test(value), 'errors.codeInvalid');

export const codeSchema = z.object({ code: codeField, callbackUrl: z.string().max(2000).optional() });
