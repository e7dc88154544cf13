import { describe, expect, it } from 'vitest';
import { DEFAULT_LOGO, DEFAULT_SHARE_IMAGE, logoFor, shareImageFor } from './share-image';

const site = { siteName: 'صحيفة', logo: null, shareImage: null };
const image = { id: '11111111-1111-4111-8111-111111111111', width: 2400, height: 1600, alt: 'صورة' };

describe('share images and logo', () => {
  it('falls back from the lead image to the site default to the shipped image', () => {
    expect(shareImageFor(site, { ...image, alt: 'رئيسية' })).toEqual({ url: `/media/${image.id}/og.jpg`, width: 1200, height: 800, alt: 'رئيسية' });
    expect(shareImageFor({ ...site, shareImage: { ...image, alt: '' } })).toEqual({ url: `/media/${image.id}/og.jpg`, width: 1200, height: 800, alt: 'صحيفة' });
    expect(shareImageFor(site)).toEqual({ ...DEFAULT_SHARE_IMAGE, alt: 'صحيفة' });
  });

  it('uses the chosen logo (its upload-time rendition, always there), else the shipped one', () => {
    expect(logoFor(site)).toEqual(DEFAULT_LOGO);
    expect(logoFor({ ...site, logo: { ...image, width: 600, height: 60 } })).toEqual({ url: `/media/${image.id}/320.webp`, width: 320, height: 32 });
  });
});
