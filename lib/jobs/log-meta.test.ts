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

  it('keeps a fatal error, a refused connection’s reason, a cause, and only the size of a long payload', () => {
    const refused = new AggregateError([Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })], '');
    const job = { id: '7', task_identifier: 'expire_reader_tags', attempts: 1, payload: { tags: Array.from({ length: 200 }, (_, i) => `story:${i}`) } };
    expect(briefJobMeta({ fatalError: refused, job, error: new Error('failed', { cause: new Error('hung') }) })).toEqual({
      job: { id: '7', task: 'expire_reader_tags', attempts: 1, payload: { chars: JSON.stringify(job.payload).length } },
      error: { name: 'Error', message: 'failed', cause: 'hung' },
      fatalError: { name: 'AggregateError', message: 'connect ECONNREFUSED 127.0.0.1:5432' },
    });
  });

  it('says what a thrown non-error was, and nothing for no metadata', () => {
    expect(briefJobMeta({ error: 'gone' })).toEqual({ error: 'gone' });
    expect(briefJobMeta({ error: { reason: 'odd' } })).toEqual({ error: { reason: 'odd' } });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(briefJobMeta({ error: cyclic })).toEqual({ error: '[object Object]' });
    expect(briefJobMeta(undefined)).toBeUndefined();
  });
});
