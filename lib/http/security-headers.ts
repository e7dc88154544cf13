// Security headers, decided per request by proxy.ts. Pure: no I/O.
// README, "Security headers", explains the two script policies.

/**
 * Paths rendered per request for one person and never cached: the staff area,
 * and the private copies (previews, share links). They get a fresh nonce and
 * a script policy without 'unsafe-inline'.
 */
export function usesNonce(pathname: string): boolean {
  return /^\/(newsroom|login)(\/|$)/.test(pathname) || /^\/(preview|share)\//.test(pathname);
}

/** Private copies keep the strictest referrer policy: a share token must never leave in a Referer header. */
const isPrivateCopy = (pathname: string) => /^\/(preview|share)\//.test(pathname);

export type PolicyOptions = {
  /** Per-request nonce for the staff area; none for reader pages, whose HTML must stay cacheable. */
  nonce?: string;
  /** Development adds 'unsafe-eval' (React and the bundler's dev runtime evaluate code), and reader pages keep their scripts there. */
  dev?: boolean;
  https?: boolean;
};

/** Without a nonce the policy depends on two flags only: made once each, not on every reader page served. */
const policies = new Map<string, string>();

export function contentSecurityPolicy(options: PolicyOptions): string {
  if (options.nonce) return makePolicy(options);
  const key = `${options.dev ?? false} ${options.https ?? false}`;
  let policy = policies.get(key);
  if (!policy) {
    policy = makePolicy(options);
    policies.set(key, policy);
  }
  return policy;
}

function makePolicy({ nonce, dev = false, https = false }: PolicyOptions): string {
  const scripts = nonce
    ? // Next puts the nonce on its own scripts (it reads it from this header on the request);
      // 'strict-dynamic' lets those load the route's chunks; 'self' is for browsers before CSP 3.
      `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`
    : dev
      ? // In development Next serves reader pages as they are, with its runtime and its inline flight data.
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'"
      : // In production our server takes every script but the JSON-LD (data, never run) out of
        // reader pages (lib/page-cache/strip-scripts.ts): nothing on them runs, so nothing may.
        "script-src 'none'";
  return [
    "default-src 'self'",
    scripts,
    // Never inline event handlers (onerror=…), the usual payload of an injection.
    "script-src-attr 'none'",
    // Radix and the editor set style attributes and inject <style>; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/**
 * Whether the visitor reached us over TLS. The app itself only speaks plain
 * HTTP (scripts/server.ts), so without a trusted proxy the answer is no. With
 * TRUST_PROXY_HOPS = n, X-Forwarded-Proto is read the way X-Forwarded-For is:
 * the entry the outermost trusted proxy wrote. A forged "https" costs nothing:
 * browsers ignore HSTS received over plain HTTP.
 */
export function isHttps(forwardedProto: string | null, trustedHops: number): boolean {
  if (trustedHops < 1 || !forwardedProto) return false;
  const entries = forwardedProto.split(',').map((entry) => entry.trim().toLowerCase());
  return entries[Math.max(0, entries.length - trustedHops)] === 'https';
}

export function securityHeaders(pathname: string, options: PolicyOptions): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(options),
    'x-content-type-options': 'nosniff',
    'referrer-policy': isPrivateCopy(pathname) ? 'no-referrer' : 'strict-origin-when-cross-origin',
    // One year, this host only: includeSubDomains and preload are the operator's decision.
    ...(options.https ? { 'strict-transport-security': 'max-age=31536000' } : {}),
  };
}

/** 128 random bits, base64: a nonce no one can guess. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}
