import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { looksPolyglot, sniffFormat } from './sniff';

const image = (format: 'jpeg' | 'png' | 'webp' | 'avif' | 'gif') => sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } }).toFormat(format).toBuffer();

describe('sniffFormat', () => {
  for (const format of ['jpeg', 'png', 'webp', 'avif', 'gif'] as const) {
    it(`recognises ${format} by its bytes`, async () => {
      expect(sniffFormat(await image(format))).toBe(format);
    });
  }

  it('refuses SVG, executables, HTML, text and nothing', () => {
    expect(sniffFormat(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(sniffFormat(Buffer.from('<?xml version="1.0"?><svg/>'))).toBeNull();
    expect(sniffFormat(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]))).toBeNull(); // MZ: a Windows executable
    expect(sniffFormat(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01]))).toBeNull(); // ELF
    expect(sniffFormat(Buffer.from('<!doctype html><html>'))).toBeNull();
    expect(sniffFormat(Buffer.alloc(0))).toBeNull();
  });

  it('does not take any ISO-BMFF file for AVIF', () => {
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2')]);
    expect(sniffFormat(mp4)).toBeNull();
  });
});

describe('looksPolyglot', () => {
  it('passes a plain image', async () => {
    expect(looksPolyglot(await image('jpeg'))).toBe(false);
    expect(looksPolyglot(await image('png'))).toBe(false);
  });

  it('catches markup hidden in an image, and a ZIP appended to one', async () => {
    const jpeg = await image('jpeg');
    expect(looksPolyglot(Buffer.concat([jpeg, Buffer.from('<script>alert(1)</script>')]))).toBe(true);
    expect(looksPolyglot(Buffer.concat([Buffer.from('GIF89a/*'), Buffer.from('*/=1;<html>')]))).toBe(true);
    const zipEnd = Buffer.from([0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(looksPolyglot(Buffer.concat([jpeg, zipEnd]))).toBe(true);
  });
});
