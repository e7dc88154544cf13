import type * as Y from 'yjs';

/** Yjs exports the delete set's constructor, not its type. */
export type DeleteSet = ReturnType<typeof Y.createDeleteSet>;

/**
 * Sets of Yjs item ids (client, clock), as sorted, merged ranges per client: adding a range and asking for a clock
 * are both a binary search, however many ranges a long session has gathered. (Yjs' own delete sets are merged by
 * copying every range: per keystroke, that grew with the story's history.)
 */
export class ClockRanges {
  private readonly byClient = new Map<number, { starts: number[]; ends: number[] }>();

  add(client: number, start: number, end: number): void {
    if (end <= start) return;
    const ranges = this.byClient.get(client) ?? this.byClient.set(client, { starts: [], ends: [] }).get(client)!;
    const { starts, ends } = ranges;
    // The first range that ends at or after `start` (it may touch or overlap), and the first that starts after `end`.
    const first = lowerBound(ends, start);
    const after = lowerBound(starts, end + 1);
    if (first < after) {
      start = Math.min(start, starts[first]!);
      end = Math.max(end, ends[after - 1]!);
    }
    starts.splice(first, after - first, start);
    ends.splice(first, after - first, end);
  }

  addDeleteSet(ds: DeleteSet): void {
    ds.clients.forEach((deletions, client) => {
      for (const { clock, len } of deletions) this.add(client, clock, clock + len);
    });
  }

  has(client: number, clock: number): boolean {
    const ranges = this.byClient.get(client);
    if (!ranges) return false;
    const index = lowerBound(ranges.ends, clock + 1);
    return index < ranges.starts.length && ranges.starts[index]! <= clock;
  }

  hasClient(client: number): boolean {
    return this.byClient.has(client);
  }
}

/** The first index whose value is at least `value` in a sorted array. */
function lowerBound(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
