// Old paths as the redirect table keeps them, and as a request is looked up:
// percent-decoded, NFC, without a trailing slash; the only query kept is
// WordPress's ?p=123 on the root. Pure.

const POST_QUERY = /^\d{1,12}$/;

/** The key of an old URL or path, or null when it is not one we could answer (another host, a malformed escape). */
export function legacyKey(pathname: string, search = ''): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname).normalize('NFC');
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.startsWith('//')) return null;
  const path = decoded.length > 1 ? decoded.replace(/\/+$/, '') : decoded;
  if (path === '/' || path === '') {
    const p = new URLSearchParams(search).get('p');
    return p && POST_QUERY.test(p) ? `/?p=${p}` : null;
  }
  return path;
}

/** The key of a permalink from the export, when it belongs to the old site. */
export function legacyKeyOfUrl(url: string, baseUrl: string | null): string | null {
  try {
    const parsed = new URL(url, baseUrl ?? undefined);
    if (baseUrl && new URL(baseUrl).host !== parsed.host) return null;
    return legacyKey(parsed.pathname, parsed.search);
  } catch {
    return null;
  }
}

/** The numeric ?p= a home-page request carries, when it could be an old WordPress link. */
export function postQueryOf(value: unknown): string | null {
  return typeof value === 'string' && POST_QUERY.test(value) ? value : null;
}
