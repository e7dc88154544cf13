import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/health/route';
import { setJobRunnerState } from './state';

// The health route, called as Next calls it, against this run's real database.
describe('/api/health', () => {
  it('answers 200 with the database and the job runner up', async () => {
    setJobRunnerState('running');
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', db: 'ok', jobs: 'ok' });
  });

  it('answers 503 when the job runner is not running', async () => {
    setJobRunnerState('stopped');
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'error', db: 'ok', jobs: 'error' });
  });
});
