// Parses the seed story file: line 1 kicker, line 2 headline, line 3 blank,
// then one body paragraph per line. The text is the author's and is kept
// verbatim: no trimming, no typographic "fixes".

export type SeedStory = { kicker: string; headline: string; paragraphs: string[] };

export function parseSeedStory(text: string): SeedStory {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const [kicker, headline, blank, ...paragraphs] = lines;
  if (!kicker || !headline) throw new Error('seed story: the first two lines must be the kicker and the headline');
  if (blank !== '') throw new Error('seed story: line 3 must be blank');
  // A trailing newline at the end of the file is not a paragraph.
  while (paragraphs.length > 0 && paragraphs.at(-1) === '') paragraphs.pop();
  if (paragraphs.length === 0) throw new Error('seed story: no body paragraphs');
  if (paragraphs.some((p) => p.trim() === '')) throw new Error('seed story: blank line inside the body');
  return { kicker, headline, paragraphs };
}
