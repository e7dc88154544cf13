import { mediaUrl, firstRendition, srcsetOf } from '@/lib/media/plan';
import { dominantDirection, type ContentLanguage } from '@/lib/content/direction';
import { ARTICLE_SIZES } from '@/lib/content/figure-html';

// A library image for readers: AVIF and WebP sources over the stored
// renditions, width and height set so nothing shifts as it loads, and the
// blurred placeholder behind it. The lead image loads first; the rest lazily.
// A figure in the body is rendered to a string (lib/content/figure-html.ts),
// with the same markup: keep the two in step (figure-html.test.tsx).

export type PictureProps = { id: string; width: number; height: number; alt: string; placeholder?: string; priority?: boolean; sizes?: string };

export function ResponsivePicture({ id, width, height, alt, placeholder, priority = false, sizes = ARTICLE_SIZES }: PictureProps) {
  return (
    <picture>
      <source type="image/avif" srcSet={srcsetOf(id, width, 'avif')} sizes={sizes} />
      <source type="image/webp" srcSet={srcsetOf(id, width, 'webp')} sizes={sizes} />
      <img
        src={mediaUrl(id, firstRendition(width).name)}
        alt={alt}
        width={width}
        height={height}
        decoding="async"
        {...(priority ? { fetchPriority: 'high' as const, loading: 'eager' as const } : { loading: 'lazy' as const })}
        style={placeholder ? { backgroundImage: `url(${placeholder})` } : undefined}
      />
    </picture>
  );
}

/**
 * A figure with its caption and credit; the credit is always its own span so it
 * can be styled and read apart. Each reads in its dominant script's direction,
 * a tie taking the story's language: «OpenAI في مؤتمرها» stays right to left.
 */
export function Figure({ caption, credit, language, className, ...picture }: PictureProps & { caption: string; credit: string; language: ContentLanguage; className?: string }) {
  return (
    <figure className={className}>
      <ResponsivePicture {...picture} />
      {(caption || credit) && (
        <figcaption>
          {caption && <span dir={dominantDirection(caption, language)}>{caption}</span>}
          {credit && (
            <span className="figure-credit" dir={dominantDirection(credit, language)}>
              {credit}
            </span>
          )}
        </figcaption>
      )}
    </figure>
  );
}
