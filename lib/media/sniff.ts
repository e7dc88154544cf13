// Recognises an image by its first bytes, never by its name or the client's
// type. Pure: no I/O. Only the formats we re-encode are accepted; SVG (XML
// that can carry script) and everything else is refused.

export const IMAGE_FORMATS = ['jpeg', 'png', 'webp', 'avif', 'gif'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/** How many leading bytes sniffFormat needs. */
export const SNIFF_BYTES = 64;

const ascii = (bytes: Uint8Array, start: number, length: number) => String.fromCharCode(...bytes.subarray(start, start + length));

function isAvif(bytes: Uint8Array): boolean {
  // An ISO-BMFF file: a box size, "ftyp", then the major brand and compatible brands.
  if (bytes.length < 16 || ascii(bytes, 4, 4) !== 'ftyp') return false;
  const boxSize = (bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!;
  const end = Math.min(boxSize, bytes.length);
  for (let at = 8; at + 4 <= end; at += 4) {
    if (at === 12) continue; // the minor version, not a brand
    const brand = ascii(bytes, at, 4);
    if (brand === 'avif' || brand === 'avis') return true;
  }
  return false;
}

export function sniffFormat(head: Uint8Array): ImageFormat | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, i) => head[i] === byte)) return 'png';
  if (head.length >= 6 && (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a')) return 'gif';
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return 'webp';
  if (isAvif(head)) return 'avif';
  return null;
}

// Markup and script signatures that have no business inside compressed image
// data; at six bytes or more a chance match in 20 MB is vanishingly unlikely.
const MARKUP = [/<script/i, /<html/i, /<svg/i, /<\?php/i, /<!doctype/i, /javascript:/i, /<iframe/i];
const ZIP_END = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

/**
 * True for a file that is an image and something else at once (a polyglot):
 * markup or script anywhere in it, or a ZIP archive's end record in its last
 * 64 KB (an image with a JAR or ZIP appended). We re-encode every image, so
 * such a payload would never be served; refusing it says so plainly.
 */
export function looksPolyglot(bytes: Buffer): boolean {
  const text = bytes.toString('latin1');
  if (MARKUP.some((pattern) => pattern.test(text))) return true;
  const tail = bytes.subarray(Math.max(0, bytes.length - 65_558));
  return tail.includes(ZIP_END);
}
