import type { IncomingMessage, ServerResponse } from 'node:http';
import { metrics, routeGroup } from '@/lib/metrics/registry';

/** Counts the request and times it when its answer has been sent (or the client left). */
export function measureRequest(req: IncomingMessage, res: ServerResponse): void {
  const started = process.hrtime.bigint();
  res.once('close', () => {
    const group = routeGroup((req.url ?? '/').split('?')[0] ?? '/');
    const { requests, latency } = metrics();
    requests.inc({ group, method: req.method ?? 'GET', status: `${Math.floor(res.statusCode / 100)}xx` });
    latency.observe({ group }, Number(process.hrtime.bigint() - started) / 1e9);
  });
}
