// Autosave timing. Pure: the client passes the clock in. Revisions are no
// longer merged per author (two tabs of one writer erased each other's):
// each is a checkpoint of its own (lib/stories/checkpoints.ts).

/** Save after this long without typing… */
export const AUTOSAVE_PAUSE_MS = 1_500;
/** …and at least this often while changes are pending, however fast someone types. */
export const AUTOSAVE_MAX_INTERVAL_MS = 10_000;
/** Presence: a heartbeat at most this often, and a holder silent for longer than the expiry has left. */
export const HEARTBEAT_MS = 15_000;
export const PRESENCE_EXPIRY_MS = 60_000;

/** When to save next, given when the pending changes started and when the last one was made. */
export function nextAutosaveAt(firstChangeAt: number, lastChangeAt: number): number {
  return Math.min(lastChangeAt + AUTOSAVE_PAUSE_MS, firstChangeAt + AUTOSAVE_MAX_INTERVAL_MS);
}

/** Retry delay after `failures` failed attempts: 1 s doubling to 30 s, with ±20% jitter so clients do not retry in step. */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1_000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}
