import { describe, expect, it } from 'vitest';
import { collabStatus, initialCollabState, reduceCollab, SYNC_PATIENCE_MS, type CollabEvent } from './status';

const run = (events: CollabEvent[], start = 0) => events.reduce(reduceCollab, initialCollabState(start));
const online: CollabEvent[] = [{ type: 'open', at: 0 }, { type: 'authenticated', scope: 'read-write' }, { type: 'synced' }];

describe('the co-editing status line', () => {
  it('says connecting, then connected once authenticated and synced', () => {
    expect(collabStatus(run([]), 100)).toEqual({ kind: 'connecting' });
    expect(collabStatus(run([{ type: 'open', at: 0 }]), 100)).toEqual({ kind: 'connecting' });
    expect(collabStatus(run(online), 100)).toEqual({ kind: 'connected' });
  });

  it('says syncing while a change waits, and that the server is not answering once it waits too long', () => {
    const waiting = run([...online, { type: 'unsynced', count: 1, at: 1000 }, { type: 'unsynced', count: 2, at: 2000 }]);
    expect(collabStatus(waiting, 1000 + SYNC_PATIENCE_MS - 1)).toEqual({ kind: 'syncing' });
    expect(collabStatus(waiting, 1000 + SYNC_PATIENCE_MS + 500)).toEqual({ kind: 'not-answering', sinceMs: SYNC_PATIENCE_MS + 500 });
    expect(collabStatus(reduceCollab(waiting, { type: 'unsynced', count: 0, at: 9000 }), 9000)).toEqual({ kind: 'connected' });
  });

  it('says offline and for how long, with the server’s reason, then recovers', () => {
    const offline = run([...online, { type: 'close', at: 5000, reason: 'storage-unavailable' }, { type: 'close', at: 6000, reason: '' }]);
    expect(collabStatus(offline, 12_000)).toEqual({ kind: 'offline', sinceMs: 7000, reason: 'storage-unavailable' });
    expect(collabStatus(run([...online, { type: 'close', at: 5000, reason: '' }, ...online]), 20_000)).toEqual({ kind: 'connected' });
  });

  it('says read-only for a read-only connection, and refused when the server refuses', () => {
    expect(collabStatus(run([{ type: 'open', at: 0 }, { type: 'authenticated', scope: 'readonly' }, { type: 'synced' }]), 10)).toEqual({ kind: 'read-only' });
    expect(collabStatus(run([...online, { type: 'refused', reason: 'session-ended' }]), 10)).toEqual({ kind: 'refused', reason: 'session-ended' });
  });

  it('says read-only with unsaved text when this tab holds changes the read-only connection never acknowledges', () => {
    // Typed offline, then reconnected read-only (the story went to review meanwhile): every sync sends them again, refused.
    const refused = run([
      ...online,
      { type: 'close', at: 1000, reason: '' },
      { type: 'unsynced', count: 1, at: 2000 },
      { type: 'open', at: 3000 },
      { type: 'authenticated', scope: 'readonly' },
      { type: 'unsynced', count: 1, at: 3000 },
      { type: 'synced' },
    ]);
    expect(collabStatus(refused, 2000 + SYNC_PATIENCE_MS)).toEqual({ kind: 'read-only-unsaved' });
    // A read-only tab with nothing of its own: each sync is acknowledged at once, so it is plain read-only.
    const reader = run([{ type: 'open', at: 0 }, { type: 'authenticated', scope: 'readonly' }, { type: 'unsynced', count: 1, at: 0 }, { type: 'synced' }, { type: 'unsynced', count: 0, at: 20 }]);
    expect(collabStatus(reader, 60_000)).toEqual({ kind: 'read-only' });
    // Waiting for that first acknowledgement is not yet a refusal.
    expect(collabStatus(reduceCollab(reader, { type: 'unsynced', count: 1, at: 60_000 }), 60_100)).toEqual({ kind: 'read-only' });
  });

  it('says offline, with the reason and since the first loss, while the database refuses every reconnection, and recovers', () => {
    const outage = run([
      ...online,
      { type: 'close', at: 5000, reason: 'storage-unavailable' },
      { type: 'open', at: 6000 },
      { type: 'refused', reason: 'storage-unavailable' },
      { type: 'close', at: 7000, reason: '' },
      { type: 'open', at: 9000 },
    ]);
    expect(collabStatus(outage, 10_000)).toEqual({ kind: 'offline', sinceMs: 5000, reason: 'storage-unavailable' });
    expect(collabStatus(run([...online, { type: 'close', at: 5000, reason: 'storage-unavailable' }, { type: 'open', at: 6000 }, { type: 'refused', reason: 'storage-unavailable' }, ...online]), 20_000)).toEqual({ kind: 'connected' });
  });
});
