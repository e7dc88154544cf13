import { describe, expect, it } from 'vitest';
import { nextStep, QUEUE_IDS, queuesFor } from './queue-ids';

describe('desk queues by role', () => {
  it('shows editors and admins all eight, writers only what they act on', () => {
    expect(queuesFor('editor')).toEqual(QUEUE_IDS);
    expect(queuesFor('admin')).toEqual(QUEUE_IDS);
    expect(queuesFor('writer')).toEqual(['sent_back', 'my_drafts']);
  });

  it('names the most pressing non-empty queue as the next step', () => {
    expect(nextStep('editor', { my_drafts: 2, unassigned: 1, awaiting_review: 0 })).toEqual({ queue: 'unassigned', count: 1 });
    expect(nextStep('editor', { awaiting_review: 3, sent_back: 1 })).toEqual({ queue: 'awaiting_review', count: 3 });
    // A writer does not review: an unassigned story is not their next step.
    expect(nextStep('writer', { unassigned: 4, my_drafts: 1 })).toEqual({ queue: 'my_drafts', count: 1 });
    expect(nextStep('writer', { scheduled: 2 })).toBeNull();
    expect(nextStep('editor', {})).toBeNull();
  });
});
