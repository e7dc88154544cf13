import { normalizeArabic } from './normalize';
import { WORD_RUN } from './query-syntax';

// Snippets are cut from, and marked on, the ORIGINAL text, tashkeel and all.
// Matching is decided per word: a word of the original text is normalized
// here only to pick candidates cheaply; whether it really matches is asked of
// the same SQL functions the index uses (highlight.ts). Pure: no I/O. The
// result is plain strings with flags, rendered by React as text and <mark>.

export type Segment = { text: string; mark: boolean };
export type WordRun = { start: number; end: number; text: string };

export function wordRuns(text: string): WordRun[] {
  return Array.from(text.matchAll(WORD_RUN), (match) => ({ start: match.index, end: match.index + match[0].length, text: match[0] }));
}

/** The lexemes of a tsquery in its text form ('a' | 'b' <-> 'c'), quotes and backslashes undoubled. */
export function tsqueryLexemes(tsquery: string): string[] {
  return Array.from(tsquery.matchAll(/'((?:[^'\\]|''|\\.)*)'/g), (match) => (match[1] as string).replace(/''/g, "'").replace(/\\(.)/g, '$1'));
}

// The stemmer keeps a word's front and may rewrite hamza seats and weak letters
// (رؤساء → روساء, final ئ → ء): compare with all of those folded together.
const skeleton = (text: string) => text.replace(/[ءؤئويى]/g, '*');

/**
 * Could this word produce one of these lexemes? A lexeme is the front of the
 * word or of the word without its proclitics, sometimes behind an ال the stemmer
 * kept: so its letters appear inside the word. A cheap superset of the truth.
 */
export function mightMatch(word: string, lexemes: string[]): boolean {
  const folded = skeleton(normalizeArabic(word));
  return lexemes.some((lexeme) => {
    const core = lexeme.length > 3 && lexeme.startsWith('ال') ? lexeme.slice(2) : lexeme;
    return core.length > 0 && folded.includes(skeleton(core));
  });
}

/** The segments of text[from, to), with the listed runs marked; runs of white space become one space. */
export function markSegments(text: string, runs: WordRun[], marked: (run: WordRun) => boolean, from = 0, to = text.length): Segment[] {
  const segments: Segment[] = [];
  const push = (piece: string, mark: boolean) => {
    const clean = piece.replace(/\s+/g, ' ');
    if (!clean) return;
    const last = segments.at(-1);
    if (last && last.mark === mark && !mark) last.text += clean;
    else segments.push({ text: clean, mark });
  };
  let at = from;
  for (const run of runs) {
    if (run.start < from || run.end > to || !marked(run)) continue;
    push(text.slice(at, run.start), false);
    push(run.text, true);
    at = run.end;
  }
  push(text.slice(at, to), false);
  return segments;
}

/** The first window of `size` words holding the most marked words; the start when none is marked. */
export function pickWindow(marks: boolean[], size: number): { start: number; end: number } {
  let best = 0;
  let bestCount = -1;
  let count = 0;
  for (let i = 0; i < marks.length; i++) {
    if (marks[i]) count++;
    if (i >= size && marks[i - size]) count--;
    const start = Math.max(0, i - size + 1);
    if (count > bestCount) {
      bestCount = count;
      best = start;
    }
  }
  // Start a little before the first match, so it is read in context.
  const firstMark = marks.indexOf(true, best);
  const start = firstMark > best + 4 ? Math.max(best, firstMark - 4) : best;
  return { start, end: Math.min(marks.length, start + size) };
}

/** A window of the body around its best matches, with ellipses where text was cut. */
export function snippetOf(text: string, runs: WordRun[], marked: (run: WordRun) => boolean, size = 32): Segment[] {
  if (runs.length === 0) return [];
  const { start, end } = pickWindow(runs.map(marked), size);
  const first = runs[start] as WordRun;
  const last = runs[end - 1] as WordRun;
  // Keep the punctuation right after the last word (a full stop, a comma).
  const to = end < runs.length ? last.end : text.length;
  const segments = markSegments(text, runs.slice(start, end), marked, first.start, to);
  if (start > 0) segments.unshift({ text: '… ', mark: false });
  if (end < runs.length) segments.push({ text: ' …', mark: false });
  return segments;
}
