// The shape of a webhook's address. Pure and client-safe: the form's schema
// uses it, and lib/webhooks/address.ts before it resolves anything.

/** An http(s) URL with a host and no credentials, or null. */
export function parseTargetUrl(text: string): URL | null {
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname || url.username || url.password) return null;
    return url;
  } catch {
    return null;
  }
}
