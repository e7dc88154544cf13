import { readerLabels } from '@/lib/i18n/reader-labels';
import type { Article } from '@/lib/reader/queries';
import { formatDate, formatHijriDate, type DateSettings } from '@/lib/reader/format';
import { authorPath, sectionPath, tagPath } from '@/lib/reader/paths';
import { dominantDirection, languageDirection } from '@/lib/content/direction';
import { ArticleBody } from './article-body';
import { Figure } from './responsive-picture';

// The article as readers see it. A story in another language carries its own
// lang and dir, so an English story reads left to right inside the Arabic site.
export async function ArticleView({ article, settings }: { article: Article; settings: DateSettings }) {
  const t = readerLabels('article');
  const updated = article.updatedAt.getTime() - article.publishedAt.getTime() > 60_000;
  return (
    <article lang={article.language} dir={languageDirection(article.language)} className="mx-auto max-w-3xl">
      <header className="mb-8 border-b border-rule pb-6">
        {/* Always there on a published story; a preview of a draft may have no section yet. */}
        {article.sectionName && (
          <p className="text-sm">
            <a href={sectionPath(article.sectionSlug)} className="text-muted no-underline hover:underline">
              {article.sectionName}
            </a>
          </p>
        )}
        {article.kicker && <p dir={dominantDirection(article.kicker, article.language)} className="mt-2 font-bold text-accent">{article.kicker}</p>}
        <h1 dir={dominantDirection(article.headline, article.language)} className="mt-1 font-display text-3xl font-bold leading-normal md:text-4xl">{article.headline}</h1>
        {article.subheadline && (
          <p dir={dominantDirection(article.subheadline, article.language)} className="mt-2 font-display text-xl font-bold leading-normal text-muted md:text-2xl" data-testid="subheadline">
            {article.subheadline}
          </p>
        )}
        {article.standfirst && <p dir={dominantDirection(article.standfirst, article.language)} className="mt-3 text-xl text-muted">{article.standfirst}</p>}
        {article.bylines.length > 0 && (
          <p className="mt-4 font-bold">
            {t('by')}{' '}
            {article.bylines.map((byline, index) => (
              <span key={byline.id}>
                {index > 0 && t('bylineSeparator')}
                <a href={authorPath(byline.slug)} className="no-underline hover:underline">
                  {byline.name}
                </a>
              </span>
            ))}
          </p>
        )}
        <p className="mt-1 text-sm text-muted">
          {t('published')} <time dateTime={article.publishedAt.toISOString()}>{formatDate(article.publishedAt, settings)}</time>
          {settings.showHijri && (
            <>
              {' · '}
              {t('hijri')} {formatHijriDate(article.publishedAt, settings)}
            </>
          )}
        </p>
        {updated && (
          <p className="text-sm text-muted">
            {t('updated')} <time dateTime={article.updatedAt.toISOString()}>{formatDate(article.updatedAt, settings)}</time>
          </p>
        )}
      </header>
      {article.leadImage && (
        <Figure
          className="lead-figure"
          id={article.leadImage.id}
          width={article.leadImage.width}
          height={article.leadImage.height}
          alt={article.leadImage.alt}
          caption={article.leadImage.caption}
          credit={article.leadImage.credit}
          language={article.language}
          placeholder={article.leadImage.placeholder}
          priority
        />
      )}
      <ArticleBody doc={article.body} language={article.language} stored={{ html: article.bodyHtml, version: article.bodyHtmlVersion }} />
      {article.notes.length > 0 && (
        <aside aria-labelledby="notes-heading" className="mt-8 space-y-3 border-s-4 border-accent bg-white p-4">
          <h2 id="notes-heading" className="font-display text-lg font-bold">
            {t('notesTitle')}
          </h2>
          {article.notes.map((note) => (
            <p key={note.at}>
              <strong>{t(`noteKinds.${note.kind}`)}</strong> (<time dateTime={note.at}>{formatDate(new Date(note.at), settings)}</time>): <span dir={dominantDirection(note.body, article.language)}>{note.body}</span>
            </p>
          ))}
        </aside>
      )}
      {article.tags.length > 0 && (
        <footer className="mt-10 border-t border-rule pt-4">
          <h2 className="sr-only">{t('tags')}</h2>
          <ul className="flex flex-wrap gap-2">
            {article.tags.map((tag) => (
              <li key={tag.id}>
                <a href={tagPath(tag.slug)} className="inline-block rounded-full border border-rule px-3 py-0.5 text-sm no-underline hover:bg-black/5">
                  {tag.name}
                </a>
              </li>
            ))}
          </ul>
        </footer>
      )}
    </article>
  );
}
