import type { MentionRef } from '@/db/schema';
import { hasControlChars } from '@/lib/text/control-chars';

// Mentions are plain text: "@" followed by a staff member's display name, as
// the picker inserts it. The server finds them against the staff list, so no
// client-sent id is ever trusted, and names with spaces («@ليلى حداد») work.

// A name ends at whitespace, punctuation (Arabic or Latin) or the end of the text.
const NAME_END = /^(?:$|[\s.,;:!?،؛؟)\]}"'«»…-])/u;

/** Staff named in a body, each once, longest names first so «@عمر الفاروق» is not also «@عمر». */
export function findMentions(body: string, staff: readonly MentionRef[]): MentionRef[] {
  const byLength = [...staff].filter((person) => person.name.trim()).sort((a, b) => b.name.length - a.name.length);
  const taken: [number, number][] = [];
  const found = new Map<string, MentionRef>();
  for (const person of byLength) {
    const token = `@${person.name}`;
    for (let at = body.indexOf(token); at !== -1; at = body.indexOf(token, at + 1)) {
      const end = at + token.length;
      if (!NAME_END.test(body.slice(end)) || taken.some(([s, e]) => at < e && end > s)) continue;
      taken.push([at, end]);
      found.set(person.id, person);
    }
  }
  return [...found.values()];
}

export type BodySegment = { text: string; mention: boolean };

/** A body cut into plain text and the mentions it holds, for rendering each as escaped text. */
export function mentionSegments(body: string, mentions: readonly MentionRef[]): BodySegment[] {
  const tokens = mentions.map((m) => `@${m.name}`).sort((a, b) => b.length - a.length);
  const segments: BodySegment[] = [];
  let plain = '';
  for (let i = 0; i < body.length; ) {
    const token = tokens.find((candidate) => body.startsWith(candidate, i));
    if (token) {
      if (plain) segments.push({ text: plain, mention: false });
      plain = '';
      segments.push({ text: token, mention: true });
      i += token.length;
    } else plain += body[i++];
  }
  if (plain) segments.push({ text: plain, mention: false });
  return segments;
}

// Arabic letters that people type interchangeably, and the marks they leave out.
const LOOSE_ARABIC: [RegExp, string][] = [
  [/[\u064B-\u065F\u0670\u0640]/g, ''],
  [/[أإآٱ]/g, 'ا'],
  [/ى/g, 'ي'],
  [/ة/g, 'ه'],
];

/** For the @ picker: a name matches what was typed in either script, ignoring hamza forms and harakat. */
export function looseName(value: string): string {
  return LOOSE_ARABIC.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), value.toLowerCase());
}

export const COMMENT_MAX = 2000;

/** Checks a comment body: a length limit, and no control characters other than line breaks and tabs. */
export function commentBodyError(body: string): string | null {
  if (!body.trim()) return 'errors.required';
  if (body.length > COMMENT_MAX) return 'errors.comments.tooLong';
  if (hasControlChars(body)) return 'errors.comments.controlChars';
  return null;
}
