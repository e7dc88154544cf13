import { Counter, Gauge, Histogram, Registry } from 'prom-client';

// The app's Prometheus metrics, served by /api/metrics. One registry per
// process, kept on globalThis: the server (scripts/server.ts, compiled on its own) and
// the app (Next's bundle) load this file as two modules, and both must count
// into the same series.

function create() {
  const registry = new Registry();
  return {
    registry,
    requests: new Counter({ name: 'sahifa_http_requests_total', help: 'HTTP requests answered, by route group, method and status class', labelNames: ['group', 'method', 'status'] as const, registers: [registry] }),
    latency: new Histogram({
      name: 'sahifa_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by route group',
      labelNames: ['group'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    cache: new Counter({ name: 'sahifa_cache_events_total', help: 'Cache lookups by cache (data, response) and outcome (hit, miss, error)', labelNames: ['cache', 'event'] as const, registers: [registry] }),
    jobs: new Counter({ name: 'sahifa_jobs_total', help: 'Background job runs by task and outcome (success, error, abandoned: held by a dead runner and unlocked)', labelNames: ['task', 'outcome'] as const, registers: [registry] }),
    dbInFlight: new Gauge({ name: 'sahifa_db_queries_in_flight', help: 'Queries sent to the pool and not yet answered (waiting for a connection included)', registers: [registry] }),
    dbPoolMax: new Gauge({ name: 'sahifa_db_pool_max', help: 'Connections the pool may open', registers: [registry] }),
    dbTimeouts: new Counter({ name: 'sahifa_db_unavailable_total', help: 'Queries that met a deadline or found the database unreachable', registers: [registry] }),
    coediting: new Gauge({ name: 'sahifa_coediting_connections', help: 'Open co-editing WebSocket connections', registers: [registry] }),
  };
}

export type Metrics = ReturnType<typeof create>;
const shared = globalThis as unknown as { sahifaMetrics?: Metrics; sahifaCacheEvent?: (event: string, cache?: string) => void };

export function metrics(): Metrics {
  if (!shared.sahifaMetrics) {
    shared.sahifaMetrics = create();
    // The Redis cache handler is plain JavaScript loaded outside the bundle: it counts through this hook.
    shared.sahifaCacheEvent = (event, cache = 'data') => shared.sahifaMetrics?.cache.inc({ cache, event });
  }
  return shared.sahifaMetrics;
}

/** For the response cache (scripts/server.ts) and the data cache: one lookup's outcome. */
export function countCacheEvent(cache: 'data' | 'response', event: 'hit' | 'miss' | 'error'): void {
  metrics().cache.inc({ cache, event });
}

/** Which part of the site a path belongs to: a handful of label values, never the path itself. */
export function routeGroup(path: string): string {
  if (path.startsWith('/_next/')) return 'static';
  if (path.startsWith('/api/')) return 'api';
  if (path.startsWith('/newsroom') || path.startsWith('/login')) return 'newsroom';
  if (path.startsWith('/media/')) return 'media';
  if (path.startsWith('/feed') || path.endsWith('.xml') || path === '/robots.txt') return 'feeds';
  return 'reader';
}
