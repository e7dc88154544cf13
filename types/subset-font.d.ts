// subset-font 2.9 ships no types; the part of its API we use (README).
declare module 'subset-font' {
  type Axis = number | { min: number; max: number; default?: number };
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: { targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype'; preserveNameIds?: number[]; variationAxes?: Record<string, Axis>; noLayoutClosure?: boolean },
  ): Promise<Buffer>;
}
