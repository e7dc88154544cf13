'use client';

import { useSyncExternalStore } from 'react';
import type { CollabSnapshot, CollabStatusStore } from '@/lib/collab/status-store';

/**
 * What a component shows of the co-editing status: it re-renders only when
 * `select`'s answer changes (a primitive, or a part of the snapshot kept
 * as is), not on every keystroke's status change.
 */
export function useCollabStatus<T>(store: CollabStatusStore, select: (snapshot: CollabSnapshot) => T): T {
  const read = () => select(store.get());
  return useSyncExternalStore(store.subscribe, read, read);
}
