import { describe, expect, it } from 'vitest';
import { firstRendition, parseRenditionName, planRenditions, planWidths, scaledHeight, srcsetOf } from './plan';

describe('rendition plan', () => {
  it('uses the standard widths that fit, never scaling up', () => {
    expect(planWidths(4000)).toEqual([320, 640, 960, 1280, 1920]);
    expect(planWidths(1000)).toEqual([320, 640, 960]);
    expect(planWidths(640)).toEqual([320, 640]);
    expect(planWidths(200)).toEqual([200]);
  });

  it('makes the first WebP at 960 or the largest width below it', () => {
    expect(firstRendition(4000)).toEqual({ name: '960.webp', format: 'webp', width: 960 });
    expect(firstRendition(700)).toEqual({ name: '640.webp', format: 'webp', width: 640 });
    expect(firstRendition(100)).toEqual({ name: '100.webp', format: 'webp', width: 100 });
  });

  it('plans AVIF and WebP at every width plus a social JPEG', () => {
    const names = planRenditions(4000).map((r) => r.name);
    expect(names).toEqual(['320.avif', '320.webp', '640.avif', '640.webp', '960.avif', '960.webp', '1280.avif', '1280.webp', '1920.avif', '1920.webp', 'og.jpg']);
    expect(planRenditions(800).at(-1)).toEqual({ name: 'og.jpg', format: 'jpeg', width: 800 });
  });

  it('keeps the aspect ratio', () => {
    expect(scaledHeight(4000, 3000, 320)).toBe(240);
    expect(scaledHeight(10, 1, 320)).toBe(32);
  });

  it('writes a srcset over the planned widths', () => {
    expect(srcsetOf('id', 700, 'avif')).toBe('/media/id/320.avif 320w, /media/id/640.avif 640w');
  });

  it('parses only the names it makes', () => {
    expect(parseRenditionName('640.webp')).toEqual({ format: 'webp', width: 640 });
    expect(parseRenditionName('og.jpg')).toEqual({ format: 'jpeg', width: null });
    for (const bad of ['original', '../x.webp', '640.png', '0640.webp', '640.webp.exe', '']) expect(parseRenditionName(bad)).toBeNull();
  });
});
