import sharp, { type Sharp } from 'sharp';
import { checkDimensions, checkSize, pixelLimit, type MediaLimits, type UploadProblem } from './limits';
import { firstRendition, planRenditions, scaledHeight, type PlannedRendition } from './plan';
import { looksPolyglot, sniffFormat, SNIFF_BYTES, type ImageFormat } from './sniff';

// The image work, with sharp. Not server-only: the background job runs it in
// the process our own server starts, outside Next.
//
// Every file we keep is re-encoded from decoded pixels: orientation applied
// (rotate()), and no metadata (sharp writes none unless asked), so EXIF and
// GPS from a source's phone never reach our storage or a reader.

// Two libvips threads per image: the machine has few cores, and requests must still be served while renditions run.
sharp.concurrency(2);

const decoder = (input: Buffer, limits: MediaLimits): Sharp =>
  // failOn 'warning' refuses truncated and corrupt files instead of decoding half an image;
  // limitInputPixels refuses decompression bombs whatever the header says.
  sharp(input, { failOn: 'warning', limitInputPixels: pixelLimit(limits), sequentialRead: true });

export type EncodedFile = { name: string; format: PlannedRendition['format']; width: number; height: number; bytes: number; data: Buffer };

export type PreparedUpload = {
  format: ImageFormat;
  width: number;
  height: number;
  /** The kept master: oriented, without metadata, in its own format. */
  master: Buffer;
  first: EncodedFile;
  placeholder: string;
};

const MASTER_ENCODERS: Record<ImageFormat, (image: Sharp) => Sharp> = {
  // Plain libjpeg, not mozjpeg: the master is never served, and mozjpeg would double the uploader's wait.
  jpeg: (image) => image.jpeg({ quality: 92 }),
  png: (image) => image.png({ compressionLevel: 6 }),
  webp: (image) => image.webp({ quality: 92 }),
  avif: (image) => image.avif({ quality: 80, effort: 2 }),
  gif: (image) => image.gif(),
};

export async function encodeRendition(master: Buffer, source: { width: number; height: number }, planned: PlannedRendition, limits: MediaLimits): Promise<EncodedFile> {
  const resized = decoder(master, limits).resize({ width: planned.width, withoutEnlargement: true });
  const encoded = planned.format === 'avif' ? resized.avif({ quality: 55, effort: 3 }) : planned.format === 'webp' ? resized.webp({ quality: 78 }) : resized.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  return { name: planned.name, format: planned.format, width: info.width, height: info.height ?? scaledHeight(source.width, source.height, planned.width), bytes: data.length, data };
}

/**
 * Everything an upload must pass before anything is stored: size, content
 * (by magic bytes), polyglot payloads, dimensions, and a full decode. Returns
 * the master, the first rendition and the placeholder, or the refusal.
 */
export async function prepareUpload(input: Buffer, limits: MediaLimits): Promise<{ ok: true; prepared: PreparedUpload } | { ok: false; problem: UploadProblem }> {
  const sizeProblem = checkSize(input.length, limits);
  if (sizeProblem) return { ok: false, problem: sizeProblem };
  const format = sniffFormat(input.subarray(0, SNIFF_BYTES));
  if (!format) return { ok: false, problem: 'unsupported' };
  if (looksPolyglot(input)) return { ok: false, problem: 'polyglot' };
  try {
    const meta = await sharp(input, { limitInputPixels: false }).metadata();
    const dimensionProblem = checkDimensions(meta.width, meta.height, limits);
    if (dimensionProblem) return { ok: false, problem: dimensionProblem };
    const { data: master, info } = await MASTER_ENCODERS[format](decoder(input, limits).rotate()).toBuffer({ resolveWithObject: true });
    const source = { width: info.width, height: info.height };
    const first = await encodeRendition(master, source, firstRendition(source.width), limits);
    const tiny = await decoder(master, limits).resize({ width: 16 }).blur(1).webp({ quality: 40 }).toBuffer();
    return { ok: true, prepared: { format, ...source, master, first, placeholder: `data:image/webp;base64,${tiny.toString('base64')}` } };
  } catch {
    // A header that lies, a truncated body, pixels past the limit: all read as a damaged file to the uploader.
    return { ok: false, problem: 'damaged' };
  }
}

/** The renditions the background job still has to make (all but those already stored). */
export function remainingRenditions(width: number, done: readonly string[]): PlannedRendition[] {
  return planRenditions(width).filter((planned) => !done.includes(planned.name));
}
