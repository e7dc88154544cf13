import { describe, expect, it } from 'vitest';
import { countCacheEvent, metrics } from '@/lib/metrics/registry';

// The metrics route with a token configured: closed to everyone else, Prometheus
// text to its holder. (Unconfigured, it answers 404 to all six visitors of e2e/matrix.spec.ts.)

const TOKEN = 'a-metrics-token-for-tests-0123456789';
process.env.METRICS_TOKEN = TOKEN;

const ask = async (authorization?: string) => {
  // Imported after the token is set: getEnv() reads the environment once.
  const { GET } = await import('./route');
  return GET(new Request('http://localhost/api/metrics', { headers: authorization ? { authorization } : {} }));
};

describe('/api/metrics', () => {
  it('answers 404 without the token or with a wrong one', async () => {
    expect((await ask()).status).toBe(404);
    expect((await ask('Bearer wrong-token-of-the-same-len')).status).toBe(404);
    expect((await ask(TOKEN)).status).toBe(404);
  });

  it('serves the counters in Prometheus format to the token holder', async () => {
    countCacheEvent('response', 'hit');
    metrics().requests.inc({ group: 'reader', method: 'GET', status: '2xx' });
    const response = await ask(`Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('sahifa_cache_events_total{cache="response",event="hit"} 1');
    expect(text).toContain('sahifa_http_requests_total{group="reader",method="GET",status="2xx"} 1');
    for (const name of ['sahifa_http_request_duration_seconds', 'sahifa_jobs_total', 'sahifa_db_queries_in_flight', 'sahifa_db_pool_max', 'sahifa_coediting_connections']) expect(text).toContain(`# TYPE ${name}`);
  });
});
