import { z } from 'zod';
import { isAuditAction, isAuditArea } from '@/lib/audit/actions';
import { codeField, emailField } from '@/lib/auth/schemas';
import { PASSWORD_MAX } from '@/lib/auth/password-policy';
import { roles } from '@/lib/auth/permissions';
import { USER_STATUSES } from '@/lib/enums';
import { locales } from '@/lib/i18n/config';
import { isSlug } from '@/lib/slug';
import { refuseControlChars, stripControlChars } from '@/lib/text/control-chars';

// One schema per form. Messages are catalogue keys under "errors".

const displayName = refuseControlChars(z.string({ error: 'errors.required' }).trim().min(1, 'errors.required').max(100, 'errors.tooLong'));
const optionalText = (max: number) =>
  refuseControlChars(z.string().trim().max(max, 'errors.tooLong').optional()).transform((value) => value || null);
const password = z.string({ error: 'errors.required' }).min(1, 'errors.required').max(PASSWORD_MAX, 'errors.passwordTooLong');
const userId = z.uuid({ error: 'errors.userNotFound' });

export const createUserSchema = z.object({
  email: emailField,
  displayName,
  role: z.enum(roles, { error: 'errors.invalidChoice' }),
  jobTitle: optionalText(100),
  authorSlug: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .refine((value) => value === undefined || isSlug(value), 'errors.slugInvalid'),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const changeRoleSchema = z.object({ userId, role: z.enum(roles, { error: 'errors.invalidChoice' }) });
export const setStatusSchema = z.object({ userId, status: z.enum(USER_STATUSES, { error: 'errors.invalidChoice' }) });
export const userIdSchema = z.object({ userId });

export const userFilterSchema = z.object({
  q: z.string().transform(stripControlChars).pipe(z.string().trim().max(100)).optional().catch(undefined),
  role: z.enum(roles).optional().catch(undefined),
  status: z.enum(['active', 'deactivated', 'invited']).optional().catch(undefined),
});
export type UserFilter = z.infer<typeof userFilterSchema>;

export const profileSchema = z.object({
  displayName,
  locale: z.enum(locales, { error: 'errors.invalidChoice' }),
  jobTitle: optionalText(100),
  bio: optionalText(1000),
});
export type ProfileInput = z.infer<typeof profileSchema>;

export const changePasswordSchema = z
  .object({ currentPassword: password, newPassword: password, confirmPassword: password })
  .refine((data) => data.newPassword === data.confirmPassword, { path: ['confirmPassword'], message: 'errors.passwordMismatch' });

export const setPasswordSchema = z
  .object({ token: z.string().min(20).max(200), password, confirmPassword: password })
  .refine((data) => data.password === data.confirmPassword, { path: ['confirmPassword'], message: 'errors.passwordMismatch' });

export const auditFilterSchema = z.object({
  actor: z.uuid().optional().catch(undefined),
  /** An action (story.publish) or a whole area (story): the filter's select offers both. */
  action: z
    .string()
    .refine((value) => isAuditAction(value) || isAuditArea(value))
    .optional()
    .catch(undefined),
  /** Words of a story's headline: entries about the stories whose headline contains them. */
  story: z.string().transform(stripControlChars).pipe(z.string().trim().max(100)).optional().catch(undefined),
  target: z.string().transform(stripControlChars).pipe(z.string().trim().max(100)).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

const sessionId = z.uuid({ error: 'errors.invalid' });
export const sessionIdSchema = z.object({ sessionId });
export const userSessionSchema = z.object({ userId, sessionId });
export const emptySchema = z.object({});

export const totpCodeSchema = z.object({ code: codeField });
export const disableTotpSchema = z.object({
  password: z.string({ error: 'errors.required' }).min(1, 'errors.required').max(PASSWORD_MAX * 4, 'errors.passwordTooLong'),
  code: codeField,
});
export const passkeyIdSchema = z.object({ passkeyId: z.uuid({ error: 'errors.invalid' }) });
