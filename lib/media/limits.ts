// Upload limits and the checks on them. Pure: the numbers come from the
// environment (lib/env.ts MEDIA_MAX_BYTES, MEDIA_MAX_SIDE) via the caller.

export type MediaLimits = { maxBytes: number; maxSide: number };

export const DEFAULT_LIMITS: MediaLimits = { maxBytes: 20 * 1024 * 1024, maxSide: 12_000 };

/** The refusals an upload can get, as catalogue keys under "media.errors". */
export type UploadProblem = 'empty' | 'tooLarge' | 'unsupported' | 'tooManyPixels' | 'damaged' | 'polyglot' | 'badName';

export function checkSize(bytes: number, limits: MediaLimits): UploadProblem | null {
  if (bytes <= 0) return 'empty';
  return bytes > limits.maxBytes ? 'tooLarge' : null;
}

export function checkDimensions(width: number | undefined, height: number | undefined, limits: MediaLimits): UploadProblem | null {
  if (!width || !height) return 'damaged';
  return width > limits.maxSide || height > limits.maxSide ? 'tooManyPixels' : null;
}

/**
 * sharp's decompression-bomb guard: it refuses to decode more pixels than a
 * square at the side limit, whatever the header claims after our own check.
 */
export const pixelLimit = (limits: MediaLimits) => limits.maxSide * limits.maxSide;

/**
 * The uploaded name is kept only as a label for staff. A name that tries to
 * be a path (../, slashes, control characters) is refused outright rather
 * than silently cleaned, so nobody wonders where the file went.
 */
export function checkFileName(name: string): UploadProblem | null {
  if (name.length === 0 || name.length > 255) return 'badName';
  if (/[/\\\u0000-\u001f\u007f]/.test(name) || name.includes('..')) return 'badName';
  return null;
}
