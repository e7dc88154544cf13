import { describe, expect, it } from 'vitest';
import { createCollabStatusStore, serverAllowsEditing, waitingForServer } from './status-store';

describe('the co-editing status store', () => {
  it('tells its listeners only when something changed, and keeps the snapshot otherwise', () => {
    const store = createCollabStatusStore(0);
    let told = 0;
    const unsubscribe = store.subscribe(() => (told += 1));
    const first = store.get();
    store.setStored(true);
    store.dispatch({ type: 'synced' });
    expect(told).toBe(1);
    const synced = store.get();
    store.dispatch({ type: 'synced' });
    expect(store.get()).toBe(synced);
    expect(told).toBe(1);
    expect(synced).not.toBe(first);
    unsubscribe();
    store.setStored(false);
    expect(told).toBe(1);
    expect(store.get().stored).toBe(false);
  });

  it('says the server may be behind while a change waits or is not stored yet, and whether it lets this tab edit', () => {
    const store = createCollabStatusStore(0);
    expect(waitingForServer(store.get())).toBe(true);
    for (const event of [{ type: 'open', at: 0 }, { type: 'authenticated', scope: 'read-write' }, { type: 'synced' }] as const) store.dispatch(event);
    expect(waitingForServer(store.get())).toBe(false);
    expect(serverAllowsEditing(store.get())).toBe(true);
    store.dispatch({ type: 'unsynced', count: 1, at: 10 });
    expect(waitingForServer(store.get())).toBe(true);
    store.dispatch({ type: 'unsynced', count: 0, at: 20 });
    store.setStored(false);
    expect(waitingForServer(store.get())).toBe(true);
    store.setStored(true);
    expect(waitingForServer(store.get())).toBe(false);
    store.dispatch({ type: 'authenticated', scope: 'readonly' });
    expect(serverAllowsEditing(store.get())).toBe(false);
  });
});
