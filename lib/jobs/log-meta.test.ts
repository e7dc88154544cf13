import { describe, expect, it } from 'vitest';
import { briefJobMeta } from './log-meta';

describe('briefJobMeta', () => {
  it('keeps a pg error’s name, message and code, not the client it carries', () => {
    const error = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01', client: { _types: { builtins: { BOOL: 16 } }, connectionParameters: { database: 'x' } } });
    const brief = briefJobMeta({ error });
    expect(brief).toEqual({ error: { name: 'Error', message: 'terminating connection due to administrator command', code: '57P01' } });
    expect(JSON.stringify(brief)).not.toContain('builtins');
  });

  it('names a failed job by id, task, attempt and payload, with its error’s message and the scalar facts', () => {
    const job = { id: '35', task_identifier: 'webhook_delivery', attempts: 1, payload: { deliveryId: 'd' }, locked_by: 'pool-1' };
    expect(briefJobMeta({ failure: true, job, error: new Error('webhook delivery failed; retrying'), duration: 40.6 })).toEqual({
      failure: true,
      duration: 40.6,
      job: { id: '35', task: 'webhook_delivery', attempts: 1, payload: { deliveryId: 'd' } },
      error: { name: 'Error', message: 'webhook delivery failed; retrying' },
    });
  });

  it('says what a thrown non-error was, and nothing for no metadata', () => {
    expect(briefJobMeta({ error: 'gone' })).toEqual({ error: 'gone' });
    expect(briefJobMeta(undefined)).toBeUndefined();
  });
});
