import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCheckpointTimers, type TimedCheckpoint } from './checkpoint-timers';

describe('checkpoint timers', () => {
  let due: TimedCheckpoint[];
  const make = () => createCheckpointTimers({ idleMs: 120_000, intervalMs: 300_000, take: (checkpoint) => due.push(checkpoint) });
  beforeEach(() => {
    due = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('takes one per person two minutes after their last update, not before', () => {
    const timers = make();
    timers.typed('s', 'ana');
    vi.advanceTimersByTime(100_000);
    timers.typed('s', 'ana');
    vi.advanceTimersByTime(100_000);
    expect(due).toEqual([]);
    timers.typed('s', 'bilal');
    vi.advanceTimersByTime(20_000);
    const idle = () => due.filter((d) => d.kind === 'idle');
    expect(idle()).toEqual([{ storyId: 's', kind: 'idle', actorId: 'ana' }]);
    vi.advanceTimersByTime(100_000);
    expect(idle().map((d) => d.actorId)).toEqual(['ana', 'bilal']);
  });

  it('takes one at most every five minutes while anyone types, the clock starting at the first update after the last', () => {
    const timers = make();
    for (let second = 0; second < 610; second += 10) {
      timers.typed('s', second % 20 === 0 ? 'ana' : 'bilal');
      vi.advanceTimersByTime(10_000);
    }
    expect(due.filter((d) => d.kind === 'interval')).toEqual([
      { storyId: 's', kind: 'interval', actorId: null },
      { storyId: 's', kind: 'interval', actorId: null },
    ]);
    expect(due.filter((d) => d.kind === 'idle')).toEqual([]);
    timers.restartInterval('s');
    vi.advanceTimersByTime(300_000);
    expect(due.filter((d) => d.kind === 'interval')).toHaveLength(2);
  });

  it('forgets a story: nothing fires afterwards, no timer is left, and the idle ones still due are named', () => {
    const timers = make();
    timers.typed('s', 'ana');
    timers.typed('s', 'bilal');
    timers.typed('t', 'ana');
    expect(timers.size()).toBe(5);
    expect(timers.forget('s')).toEqual(['ana', 'bilal']);
    expect(timers.size()).toBe(2);
    timers.close();
    expect(timers.size()).toBe(0);
    vi.advanceTimersByTime(600_000);
    expect(due).toEqual([]);
  });

  it('never keeps the process alive', () => {
    const timers = make();
    const spy = vi.spyOn(globalThis, 'setTimeout');
    timers.typed('s', 'ana');
    for (const result of spy.mock.results) expect((result.value as NodeJS.Timeout).hasRef()).toBe(false);
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
  });
});
