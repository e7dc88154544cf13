// How a person appears to their co-editors: a colour derived from their id
// (the same in every tab and on every machine, no table to keep) and their
// initials. Pure, so the avatars, the carets and the tests agree.

/** Dark enough for white initials on them (contrast ≥ 4.5:1), distinct enough to tell apart. */
export const PRESENCE_COLOURS = ['#b3261e', '#1d5fa8', '#2e7d32', '#8e24aa', '#a15c00', '#00796b', '#5d4037', '#c2185b', '#3949ab', '#546e7a'] as const;

/** FNV-1a over the id: stable, cheap, and spread well enough over a small palette. */
export function colourOf(userId: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < userId.length; index++) {
    hash ^= userId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return PRESENCE_COLOURS[hash % PRESENCE_COLOURS.length]!;
}

/** Up to two letters: the first of the first and of the last word («سارة أحمد» → «سأ», "Ada Lovelace" → "AL"). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return '?';
  const first = [...words[0]!][0]!;
  const last = words.length > 1 ? [...words[words.length - 1]!][0]! : '';
  return (first + last).toLocaleUpperCase();
}

/** What each tab puts in its presence (awareness) state. The server closes a socket whose `name` is not the session's. */
export type PresenceUser = { id: string; name: string; color: string };
