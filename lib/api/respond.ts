import 'server-only';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { getDb, type Executor } from '@/db';
import { now } from '@/lib/clock';
import { isDatabaseUnavailable } from '@/lib/dal';
import { getEnv } from '@/lib/env';
import { consumeQuota, sweepQuotas, type QuotaConfig } from '@/lib/http/quota';
import { authenticateApiKey } from './keys';
import { queryProblem } from './params';

// Every content API route answers through here, in this order: a live key
// (else 401), within its rate (else 429), a valid query (else 400), then the
// read (404 when readers could not see it) as JSON with a strong ETag, and
// 304 when the client already holds that version.

type ApiError = 'unauthorized' | 'rate_limited' | 'invalid_query' | 'not_found' | 'unavailable';
const MESSAGES: Record<ApiError, string> = {
  unauthorized: 'A live API key is required: Authorization: Bearer <key>.',
  rate_limited: 'Too many requests for this key; retry after the number of seconds in Retry-After.',
  invalid_query: 'A query parameter is unknown, repeated or malformed.',
  not_found: 'No such resource.',
  unavailable: 'The service is briefly unavailable; retry shortly.',
};
const STATUS: Record<ApiError, number> = { unauthorized: 401, rate_limited: 429, invalid_query: 400, not_found: 404, unavailable: 503 };

/** Never stored by a shared cache (the answer depends on the key); a client revalidates with its ETag. */
const BASE_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'private, no-cache', vary: 'authorization' };

export function apiError(code: ApiError, extra: { headers?: Record<string, string>; detail?: Record<string, string> } = {}): Response {
  const body = JSON.stringify({ error: { code, message: MESSAGES[code], ...extra.detail } });
  return new Response(body, { status: STATUS[code], headers: { ...BASE_HEADERS, 'cache-control': 'no-store', ...extra.headers } });
}

export const apiRateConfig = (): QuotaConfig => {
  const env = getEnv();
  return { limit: env.API_RATE_LIMIT, windowMs: env.API_RATE_WINDOW_SECONDS * 1000 };
};

const QUOTA_PREFIX = 'api:';
let lastSweep = 0;

/** A strong validator of the exact bytes answered. */
export const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** If-None-Match holds this ETag (or *), by the weak comparison RFC 9110 prescribes for it. */
export function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

function parseQuery<S extends z.ZodType>(url: URL, schema: S): { ok: true; query: z.output<S> } | { ok: false; response: Response } {
  const names = [...url.searchParams.keys()];
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated) return { ok: false, response: apiError('invalid_query', { detail: { parameter: repeated, problem: 'repeated parameter' } }) };
  const parsed = schema.safeParse(Object.fromEntries(url.searchParams));
  if (parsed.success) return { ok: true, query: parsed.data };
  const { parameter, message } = queryProblem(parsed.error);
  return { ok: false, response: apiError('invalid_query', { detail: { parameter, problem: message } }) };
}

export type ApiRead<Q> = (ctx: { db: Executor; siteUrl: string }, query: Q) => Promise<unknown | null>;

export async function answerApi<S extends z.ZodType>(request: Request, schema: S, read: ApiRead<z.output<S>>): Promise<Response> {
  try {
    const db = getDb();
    const key = await authenticateApiKey(db, request.headers.get('authorization'));
    if (!key) return apiError('unauthorized', { headers: { 'www-authenticate': 'Bearer realm="sahifa"' } });
    const config = apiRateConfig();
    const at = now();
    if (at.getTime() - lastSweep > config.windowMs) {
      lastSweep = at.getTime();
      void sweepQuotas(db, QUOTA_PREFIX, config, at).catch(() => {});
    }
    const quota = await consumeQuota(db, `${QUOTA_PREFIX}${key.id}`, config, at);
    if (!quota.allowed) return apiError('rate_limited', { headers: { 'retry-after': String(quota.retryAfterSeconds), 'ratelimit-limit': String(config.limit), 'ratelimit-remaining': '0' } });
    const rateHeaders = { 'ratelimit-limit': String(config.limit), 'ratelimit-remaining': String(quota.remaining) };

    const parsed = parseQuery(new URL(request.url), schema);
    if (!parsed.ok) return parsed.response;
    const result = await read({ db, siteUrl: getEnv().SITE_URL }, parsed.query);
    if (result === null) return apiError('not_found', { headers: rateHeaders });
    const body = JSON.stringify(result);
    const etag = etagOf(body);
    const headers = { ...BASE_HEADERS, ...rateHeaders, etag };
    if (matchesEtag(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
    return new Response(body, { status: 200, headers });
  } catch (error) {
    if (isDatabaseUnavailable(error)) return apiError('unavailable', { headers: { 'retry-after': '5' } });
    throw error;
  }
}
