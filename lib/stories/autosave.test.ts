import { describe, expect, it } from 'vitest';
import { backoffMs, nextAutosaveAt } from './autosave';

describe('autosave timing', () => {
  it('saves after a pause in typing', () => {
    expect(nextAutosaveAt(0, 0)).toBe(1_500);
    expect(nextAutosaveAt(0, 4_000)).toBe(5_500);
  });

  it('saves at least every 10 s while typing never pauses', () => {
    expect(nextAutosaveAt(0, 9_900)).toBe(10_000);
    expect(nextAutosaveAt(1_000, 50_000)).toBe(11_000);
  });
});

describe('backoff', () => {
  it('doubles from 1 s to a 30 s ceiling', () => {
    const exact = (failures: number) => backoffMs(failures, () => 0.5);
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(exact)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('jitters by at most a fifth either way', () => {
    expect(backoffMs(3, () => 0)).toBe(3_200);
    expect(backoffMs(3, () => 1)).toBe(4_800);
  });
});
