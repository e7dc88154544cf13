// When the co-editing server takes a checkpoint by itself: when a person has
// typed and then nothing from them for `idleMs` (per story and person, so two
// tabs of one person are one person), and at most every `intervalMs` while
// anyone types (per story: the first update after a checkpoint starts the
// clock). Timers are unref'd, so they never keep the process alive, and
// forgotten with the document.

export type TimedCheckpoint = { storyId: string; kind: 'idle' | 'interval'; actorId: string | null };

export type CheckpointTimers = {
  /** A person's update was stored. */
  typed(storyId: string, userId: string): void;
  /** The document leaves memory: its timers are cleared; returns the people whose idle checkpoint was still due. */
  forget(storyId: string): string[];
  /** The interval clock of a story starts afresh (a checkpoint was just taken). */
  restartInterval(storyId: string): void;
  /** Timers running, for tests and metrics. */
  size(): number;
  close(): void;
};

export function createCheckpointTimers(options: { idleMs: number; intervalMs: number; take: (due: TimedCheckpoint) => void }): CheckpointTimers {
  const idle = new Map<string, Map<string, NodeJS.Timeout>>();
  const interval = new Map<string, NodeJS.Timeout>();
  const later = (ms: number, run: () => void) => setTimeout(run, ms).unref();

  const timers: CheckpointTimers = {
    typed(storyId, userId) {
      const people = idle.get(storyId) ?? new Map<string, NodeJS.Timeout>();
      idle.set(storyId, people);
      clearTimeout(people.get(userId));
      people.set(
        userId,
        later(options.idleMs, () => {
          people.delete(userId);
          if (people.size === 0 && idle.get(storyId) === people) idle.delete(storyId);
          options.take({ storyId, kind: 'idle', actorId: userId });
        }),
      );
      if (!interval.has(storyId)) {
        interval.set(
          storyId,
          later(options.intervalMs, () => {
            interval.delete(storyId);
            options.take({ storyId, kind: 'interval', actorId: null });
          }),
        );
      }
    },
    forget(storyId) {
      const people = idle.get(storyId);
      const due = [...(people?.keys() ?? [])];
      people?.forEach((timer) => clearTimeout(timer));
      idle.delete(storyId);
      clearTimeout(interval.get(storyId));
      interval.delete(storyId);
      return due;
    },
    restartInterval(storyId) {
      clearTimeout(interval.get(storyId));
      interval.delete(storyId);
    },
    size() {
      let count = interval.size;
      for (const people of idle.values()) count += people.size;
      return count;
    },
    close() {
      for (const storyId of new Set([...idle.keys(), ...interval.keys()])) timers.forget(storyId);
    },
  };
  return timers;
}
