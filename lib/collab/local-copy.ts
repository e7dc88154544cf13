import type { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { whenPageLeaves } from './page-leaving';

// y-indexeddb writes each document update to this device's copy as it happens: one IndexedDB transaction per
// keystroke, whose request and completion events are tasks on the page's main thread, between the keystroke and
// the frame that shows it. Here the updates wait until typing pauses (or at most AT_LEAST_MS) and go in as one
// merged update, through y-indexeddb's own writer (so its compaction of the store still runs).
//
// The offline promise holds: a tab closed while offline keeps its edits. The page's leaving (pagehide) and its
// going to the background (visibilitychange: a mobile browser may kill a background tab without a pagehide)
// write what waits at once (the browser must then commit that write while the page goes: Chromium does). What a
// crash of the browser itself can lose is the typing since the last write, at most AT_LEAST_MS of it, and only
// while the tab is offline (online, those keystrokes are on the server within a frame).

/** Typing paused this long: the waiting updates are written. */
export const PAUSE_MS = 150;
/** Typing without a pause: they are still written this often. */
export const AT_LEAST_MS = 1000;

/** Batches the copy's writes; returns the function that writes what waits and stops (before `local.destroy()`). */
export function batchLocalWrites(local: IndexeddbPersistence, doc: Y.Doc): () => void {
  doc.off('update', local._storeUpdate);
  let pending: Uint8Array[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPending = 0;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    firstPending = 0;
    if (pending.length === 0) return;
    const update = pending.length === 1 ? (pending[0] as Uint8Array) : Y.mergeUpdates(pending);
    pending = [];
    // Not the copy's own origin, so y-indexeddb stores it (it skips only what it read from the store itself).
    local._storeUpdate(update, null);
  };
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === local) return;
    pending.push(update);
    const now = Date.now();
    if (firstPending === 0) firstPending = now;
    clearTimeout(timer);
    timer = setTimeout(flush, Math.max(0, Math.min(PAUSE_MS, firstPending + AT_LEAST_MS - now)));
  };
  doc.on('update', onUpdate);
  const stopListening = whenPageLeaves(flush);
  return () => {
    flush();
    doc.off('update', onUpdate);
    stopListening();
  };
}
