import { firstRendition, mediaUrl, SOCIAL_NAME, SOCIAL_WIDTH, scaledHeight } from '@/lib/media/plan';

// The images a page is shared with, and the publisher's logo. Pure. Every
// page has a share image: its own lead image, else the site's default from
// settings (chosen in the media library), else the image shipped in public/.
// The same goes for the logo. Paths are site-relative; metadataBase and the
// JSON-LD builder make them absolute.

/** A library image the site or a story uses: what a page needs to point at it. */
export type LibraryImage = { id: string; width: number; height: number; alt: string };
export type ShareImage = { url: string; width: number; height: number; alt: string };

/** Shipped with the app (public/), for a site that has not chosen its own yet. */
export const DEFAULT_SHARE_IMAGE = { url: '/share-default.jpg', width: 1200, height: 630 } as const;
export const DEFAULT_LOGO = { url: '/logo.png', width: 600, height: 60 } as const;

/** Cards want a JPEG about 1200 px wide: the social rendition the background job makes (og.jpg). */
export function socialImageOf(image: LibraryImage): ShareImage {
  const width = Math.min(SOCIAL_WIDTH, image.width);
  return { url: mediaUrl(image.id, SOCIAL_NAME), width, height: scaledHeight(image.width, image.height, width), alt: image.alt };
}

export type SiteImages = { siteName: string; logo: LibraryImage | null; shareImage: LibraryImage | null };

export function shareImageFor(site: SiteImages, lead?: LibraryImage | null): ShareImage {
  if (lead) return socialImageOf(lead);
  if (site.shareImage) return socialImageOf({ ...site.shareImage, alt: site.shareImage.alt || site.siteName });
  return { ...DEFAULT_SHARE_IMAGE, alt: site.siteName };
}

export function logoFor(site: SiteImages): { url: string; width: number; height: number } {
  if (!site.logo) return DEFAULT_LOGO;
  const rendition = firstRendition(site.logo.width);
  return { url: mediaUrl(site.logo.id, rendition.name), width: rendition.width, height: scaledHeight(site.logo.width, site.logo.height, rendition.width) };
}
