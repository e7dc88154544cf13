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

// WebAuthn answers from the browser, as @simplewebauthn/browser sends them. The
// library verifies the content; this bounds the shape and the sizes.
const b64url = (max: number) => z.string().max(max).regex(/^[A-Za-z0-9_-]*$/);
const transports = z.array(z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'])).max(8).optional();
const credentialBase = {
  id: b64url(1400).min(1),
  rawId: b64url(1400).min(1),
  type: z.literal('public-key'),
  clientExtensionResults: z.record(z.string(), z.unknown()),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
};

export const authenticationResponseSchema = z.object({
  ...credentialBase,
  response: z.object({ clientDataJSON: b64url(4000), authenticatorData: b64url(4000), signature: b64url(2000), userHandle: b64url(200).optional() }),
});

export const registrationResponseSchema = z.object({
  ...credentialBase,
  response: z.object({
    clientDataJSON: b64url(4000),
    attestationObject: b64url(20_000),
    authenticatorData: b64url(4000).optional(),
    transports,
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: b64url(4000).optional(),
  }),
});

export const passkeyNameField = z
  .string({ error: 'errors.required' })
  .trim()
  .min(1, 'errors.required')
  .max(60, 'errors.tooLong')
  .refine((value) => !/[\p{Cc}]/u.test(value), 'errors.invalid');
