// A description for pages and structured data when the writer gave none.
// Pure. Search engines show about 160 characters; the cut falls between words,
// never inside one.

export const DESCRIPTION_MAX = 160;

/** The first paragraph of plain text, cut at a word boundary to at most `max` characters. */
export function excerpt(plainText: string, max = DESCRIPTION_MAX): string {
  const first = plainText.split(/\n\s*\n/).find((block) => block.trim() !== '')?.replace(/\s+/g, ' ').trim() ?? '';
  if (first.length <= max) return first;
  const cut = first.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s،,.؛:]+$/u, '')}…`;
}

/** The writer's search description, else the standfirst, else the first paragraph. */
export function articleDescription(article: { seoDescription: string | null; standfirst: string; plainText: string }): string {
  return article.seoDescription || article.standfirst || excerpt(article.plainText);
}
