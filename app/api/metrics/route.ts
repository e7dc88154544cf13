import { timingSafeEqual } from 'node:crypto';
import { getEnv } from '@/lib/env';
import { metrics } from '@/lib/metrics/registry';

export const dynamic = 'force-dynamic';

// Prometheus metrics for the operator's scraper, who sends
// `Authorization: Bearer $METRICS_TOKEN`. Without the token set, or with a
// wrong one, the route does not exist (404), like every closed entry point.

function authorized(header: string | null, token: string | undefined): boolean {
  if (!token || !header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length));
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

export async function GET(request: Request) {
  if (!authorized(request.headers.get('authorization'), getEnv().METRICS_TOKEN)) return new Response('Not found', { status: 404 });
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } });
}
