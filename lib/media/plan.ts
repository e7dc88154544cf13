// Which renditions an image gets, and their names and URLs. Pure: no I/O.

/** Widths served to readers; an image is never scaled up past its own width. */
export const RENDITION_WIDTHS = [320, 640, 960, 1280, 1920] as const;
export const RENDITION_FORMATS = ['avif', 'webp'] as const;
export type RenditionFormat = (typeof RENDITION_FORMATS)[number];

/** The width made at upload, so the image can be used at once: big enough for the editor and a phone. */
export const FIRST_WIDTH = 960;

/** Open Graph and Twitter cards want JPEG at about 1200 px wide. */
export const SOCIAL_WIDTH = 1200;
export const SOCIAL_NAME = 'og.jpg';

export type PlannedRendition = { name: string; format: RenditionFormat | 'jpeg'; width: number };

/** The rendition widths for an image of this width: the standard ones that fit, or its own width when it is smaller than all. */
export function planWidths(sourceWidth: number): number[] {
  const widths: number[] = RENDITION_WIDTHS.filter((width) => width <= sourceWidth);
  return widths.length > 0 ? widths : [sourceWidth];
}

export const renditionName = (width: number, format: RenditionFormat) => `${width}.${format}`;

/** The rendition made while the uploader waits. */
export function firstRendition(sourceWidth: number): PlannedRendition {
  const widths = planWidths(sourceWidth);
  const width = widths.filter((w) => w <= FIRST_WIDTH).at(-1) ?? widths[0]!;
  return { name: renditionName(width, 'webp'), format: 'webp', width };
}

/** Everything the background job makes: WebP and AVIF at every planned width, and the social JPEG. */
export function planRenditions(sourceWidth: number): PlannedRendition[] {
  const planned: PlannedRendition[] = planWidths(sourceWidth).flatMap((width) => RENDITION_FORMATS.map((format) => ({ name: renditionName(width, format), format, width })));
  planned.push({ name: SOCIAL_NAME, format: 'jpeg', width: Math.min(SOCIAL_WIDTH, sourceWidth) });
  return planned;
}

export const scaledHeight = (sourceWidth: number, sourceHeight: number, width: number) => Math.max(1, Math.round((sourceHeight * width) / sourceWidth));

export const mediaUrl = (id: string, name: string) => `/media/${id}/${name}`;

/** A srcset over the planned widths of one format. */
export function srcsetOf(id: string, sourceWidth: number, format: RenditionFormat): string {
  return planWidths(sourceWidth)
    .map((width) => `${mediaUrl(id, renditionName(width, format))} ${width}w`)
    .join(', ');
}

export const CONTENT_TYPES = { webp: 'image/webp', avif: 'image/avif', jpeg: 'image/jpeg' } as const;

/** Parses a rendition file name from a URL: "640.webp", "320.avif" or "og.jpg"; anything else is null. */
export function parseRenditionName(name: string): { format: keyof typeof CONTENT_TYPES; width: number | null } | null {
  if (name === SOCIAL_NAME) return { format: 'jpeg', width: null };
  const match = /^([1-9]\d{0,4})\.(webp|avif)$/.exec(name);
  if (!match) return null;
  return { format: match[2] as RenditionFormat, width: Number(match[1]) };
}
