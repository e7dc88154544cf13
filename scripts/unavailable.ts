import type { ServerResponse } from 'node:http';
import { databaseUnavailableInRequest } from '@/db/availability';

// A page or route that failed because the database did not answer (the pool's
// deadlines, db/index.ts) is not our bug: answer 503 with Retry-After, so
// proxies, crawlers and monitors treat it as a passing outage, not a 500.

export const RETRY_AFTER_SECONDS = 5;

export function unavailableWhenDatabaseIs(res: ServerResponse): void {
  const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    if (status >= 500 && status !== 503 && databaseUnavailableInRequest()) {
      res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
      return writeHead(503, ...rest.filter((arg) => typeof arg !== 'string'));
    }
    return writeHead(status, ...rest);
  }) as typeof res.writeHead;
}
