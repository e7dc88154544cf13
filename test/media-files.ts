import sharp from 'sharp';

// Image files for tests, made with sharp, and the bad files an upload must refuse.

export const photo = (width = 1400, height = 1000, format: 'jpeg' | 'png' = 'jpeg') =>
  sharp({ create: { width, height, channels: 3, background: '#2a6' } })
    .composite([{ input: Buffer.from(`<svg width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="#fff"/></svg>`) }])
    .toFormat(format)
    .toBuffer();

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/**
 * A decompression bomb: a small PNG whose header claims 50,000 × 50,000
 * pixels (2.5 gigapixels, 7.5 GB decoded). Decoding must never start.
 */
export async function pngBomb(): Promise<Buffer> {
  const png = Buffer.from(await sharp({ create: { width: 64, height: 64, channels: 3, background: '#000' } }).png().toBuffer());
  // IHDR data starts at byte 16: width, height (big-endian), then its CRC at byte 29 over type + data.
  png.writeUInt32BE(50_000, 16);
  png.writeUInt32BE(50_000, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

export const svgWithScript = () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>');
/** A Windows executable's header, named like a photo. */
export const renamedExecutable = () => Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(4096, 0x90)]);
export const truncated = (jpeg: Buffer) => jpeg.subarray(0, Math.floor(jpeg.length / 2));
/** A JPEG that is also an HTML page. */
export const polyglot = (jpeg: Buffer) => Buffer.concat([jpeg, Buffer.from('<html><script>alert(1)</script></html>')]);
