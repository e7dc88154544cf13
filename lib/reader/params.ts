import { decodeSegment, isSlug } from '@/lib/slug';

/**
 * A route segment as a slug, or null when it cannot be one (malformed
 * percent-encoding, `..`, overlong, not in slug form). Such requests are
 * answered 404 without touching the database.
 */
export function slugFromParam(raw: string): string | null {
  const decoded = raw.includes('%') ? decodeSegment(raw) : raw;
  if (decoded === null || decoded.length > 400) return null;
  return isSlug(decoded) ? decoded : null;
}

/**
 * The `page` query parameter: absent is page 1; anything but a plain number
 * from 1 to 9999 is null (a 404), so junk never reaches a cache key.
 */
export function pageFromSearch(raw: string | string[] | undefined): number | null {
  if (raw === undefined) return 1;
  if (typeof raw !== 'string' || !/^[1-9]\d{0,3}$/.test(raw)) return null;
  return Number(raw);
}
