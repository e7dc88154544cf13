import { z } from 'zod';

// The one definition of the characters no staff or reader text may carry: C0
// controls other than tab and line breaks (NUL first: Postgres refuses it in
// text and the request would die with a 500), DEL, and the bidi overrides and
// isolates that can make text read differently than it is stored. Direction
// marks (U+200E/U+200F, U+061C) are allowed: Arabic typists use them.

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;
const CONTROL_ALL = new RegExp(CONTROL.source, 'g');

export function hasControlChars(text: string): boolean {
  return CONTROL.test(text);
}

/** For input that is read, never stored, such as a search query: the controls go, the rest stays. */
export function stripControlChars(text: string): string {
  return text.replace(CONTROL_ALL, '');
}

/** The catalogue key every form shows for such text. */
export const CONTROL_CHARS_ERROR = 'errors.controlChars';

/** A staff text field refuses control characters with the field's own message, before anything is stored or logged. */
export const refuseControlChars = <T extends z.ZodType<string | undefined | null>>(schema: T) =>
  schema.refine((value) => typeof value !== 'string' || !hasControlChars(value), CONTROL_CHARS_ERROR);
