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
