import { dictionary } from '@zxcvbn-ts/language-common';

// NIST SP 800-63B style: length, not composition. At least 12 characters, up
// to 256 (more than the required 128), no rules about symbols or case, and a
// refusal of common passwords, including a common password with digits or
// punctuation tacked on ("password2026!").

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

const common = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'containsIdentity';

function codePoints(text: string): number {
  return Array.from(text).length;
}

export function checkPassword(password: string, identity: { email?: string; name?: string } = {}): PasswordProblem | null {
  const length = codePoints(password);
  if (length < PASSWORD_MIN) return 'tooShort';
  if (length > PASSWORD_MAX) return 'tooLong';
  // Arabic-Indic and Persian digits are the same keys as Western ones on an Arabic keyboard.
  const lower = password
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .toLowerCase();
  const core = lower.replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '');
  if (common.has(lower) || (core.length >= 4 && common.has(core))) return 'common';
  if (new Set(Array.from(lower)).size <= 2) return 'common';
  const localPart = identity.email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && lower.includes(localPart)) return 'containsIdentity';
  if (['sahifa', 'صحيفة'].some((word) => lower.replace(/[\d\W_]+/gu, '') === word)) return 'common';
  return null;
}
