import sharp from 'sharp';
import { DEFAULT_LIMITS } from '../lib/media/limits';
import { planRenditions, planWidths } from '../lib/media/plan';
import { encodeRendition, prepareUpload } from '../lib/media/process';

// npm run bench:media
// A 12-megapixel JPEG (4000 × 3000, with noise so it compresses like a photo)
// through the upload's own pipeline: checks, orientation, the metadata-free
// master, the first WebP and the placeholder (what the uploader waits for),
// then every background rendition (what the job does). Storage and the
// database are left out: they add milliseconds on a local disk.
// Then the bytes a phone downloads for a full-width image in the article.

const width = 4000;
const height = 3000;
const jpeg = await sharp({ create: { width, height, channels: 3, background: '#6a8', noise: { type: 'gaussian', mean: 120, sigma: 40 } } })
  .blur(1.2)
  .jpeg({ quality: 85 })
  .toBuffer();
console.log(`input: ${width}×${height} JPEG, ${(jpeg.length / 1e6).toFixed(1)} MB`);

const runs = Number(process.env.BENCH_RUNS ?? 3);
const firstTimes: number[] = [];
let prepared: Awaited<ReturnType<typeof prepareUpload>> | undefined;
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  prepared = await prepareUpload(jpeg, DEFAULT_LIMITS);
  firstTimes.push(performance.now() - started);
}
if (!prepared?.ok) throw new Error('the benchmark image was refused');
const { master } = prepared.prepared;

const started = performance.now();
const sizes = new Map<string, number>();
for (const planned of planRenditions(width)) {
  const file = await encodeRendition(master, { width, height }, planned, DEFAULT_LIMITS);
  sizes.set(file.name, file.bytes);
}
const allMs = performance.now() - started;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
console.log(`upload → first rendition (checks, master, ${prepared.prepared.first.name}, placeholder): median ${median(firstTimes).toFixed(0)} ms of ${runs}`);
console.log(`all background renditions (${sizes.size}: AVIF and WebP at ${planWidths(width).join(', ')}, og.jpg): ${(allMs / 1000).toFixed(1)} s`);

// A phone 390 CSS px wide; the article's sizes are calc(100vw - 2rem) = 358 px.
// The browser takes the smallest rendition at least 358 × DPR px wide.
for (const dpr of [2, 3]) {
  const needed = 358 * dpr;
  const chosen = planWidths(width).find((w) => w >= needed) ?? planWidths(width).at(-1)!;
  const kb = (name: string) => `${((sizes.get(name) ?? 0) / 1024).toFixed(0)} KB`;
  console.log(`phone at ${dpr}× (needs ${needed} px): ${chosen}w → AVIF ${kb(`${chosen}.avif`)}, WebP ${kb(`${chosen}.webp`)} (the original: ${(jpeg.length / 1024).toFixed(0)} KB)`);
}
