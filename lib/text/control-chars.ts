import { z } from 'zod';

// The one definition of the characters no staff or reader text may carry: C0
// controls other than tab and line breaks (NUL first: Postgres refuses it in
// text and the request would die with a 500), DEL, and the bidi overrides and
// isolates that can make text read differently than it is stored. Direction
// marks (U+200E/U+200F, U+061C) are allowed: Arabic typists use them.

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;
const CONTROL_ALL = new RegExp(CONTROL.source, 'g');
// A label (a section or tag name) is one line with nothing invisible in it:
// tabs, line breaks and direction marks are refused there too.
const LABEL_EXTRA = /[\t\n\r\u061C\u200E\u200F]/;

/** Free text allows tabs, line breaks and direction marks; a one-line label does not. */
export type TextKind = 'text' | 'label';

export function hasControlChars(text: string, kind: TextKind = 'text'): boolean {
  return CONTROL.test(text) || (kind === 'label' && LABEL_EXTRA.test(text));
}

/** For input that is read, never stored, such as a search query: the controls go, the rest stays. */
export function stripControlChars(text: string): string {
  return text.replace(CONTROL_ALL, '');
}

/** The catalogue key every form shows for such text. */
export const CONTROL_CHARS_ERROR = 'errors.controlChars';

/** A staff text field refuses control characters with the field's own message, before anything is stored or logged. */
export const refuseControlChars = <T extends z.ZodType<string | undefined | null>>(schema: T, kind: TextKind = 'text') =>
  schema.refine((value) => typeof value !== 'string' || !hasControlChars(value, kind), CONTROL_CHARS_ERROR);
