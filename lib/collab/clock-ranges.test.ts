import { describe, expect, it } from 'vitest';
import { ClockRanges } from './clock-ranges';

describe('ClockRanges', () => {
  it('holds exactly the clocks added, merging ranges that touch or overlap', () => {
    const ranges = new ClockRanges();
    ranges.add(1, 10, 12);
    ranges.add(1, 20, 25);
    ranges.add(1, 12, 14);
    ranges.add(1, 2, 4);
    ranges.add(1, 13, 21);
    ranges.add(2, 0, 1);
    const held = (client: number) => Array.from({ length: 30 }, (_, clock) => clock).filter((clock) => ranges.has(client, clock));
    expect(held(1)).toEqual([2, 3, ...Array.from({ length: 15 }, (_, i) => 10 + i)]);
    expect(held(2)).toEqual([0]);
    expect(held(3)).toEqual([]);
  });

  it('agrees with a plain set on random ranges', () => {
    const ranges = new ClockRanges();
    const plain = new Set<number>();
    let seed = 7;
    const random = (below: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % below;
    for (let n = 0; n < 500; n++) {
      const start = random(2000);
      const end = start + 1 + random(8);
      ranges.add(5, start, end);
      for (let clock = start; clock < end; clock++) plain.add(clock);
    }
    for (let clock = 0; clock < 2020; clock++) expect(ranges.has(5, clock), `clock ${clock}`).toBe(plain.has(clock));
  });
});
