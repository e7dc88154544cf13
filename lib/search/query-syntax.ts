// The search box's syntax, after Postgres's websearch_to_tsquery: words are
// ANDed, "quoted words" are a phrase, OR between terms is an alternative, and
// -word or -"a phrase" excludes. AND binds tighter than OR, as there:
// «a b OR c» is (a AND b) OR c. Arabic adds «» and “” as quotes and «أو» as OR.
// Pure: no I/O. The words themselves are normalized and stemmed in SQL.
//
// Anything parses: stray quotes and operators are dropped, never an error.
// A group of only exclusions is dropped too, since "everything but X" is not
// a search (and no index can answer it).

export type SearchTerm = { text: string; phrase: boolean; negated: boolean };
/** OR of groups; each group is an AND of terms with at least one that is not negated. */
export type ParsedQuery = { groups: SearchTerm[][]; truncated: boolean };

export const MAX_QUERY_CHARS = 200;
export const MAX_TERMS = 12;

const QUOTES = new Set(['"', '«', '»', '“', '”', '„', '‟', '″']);
const OR_WORDS = new Set(['or', 'أو', 'او']);
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

type Token = { kind: 'or' } | { kind: 'term'; term: SearchTerm };

function tokenize(input: string): Token[] {
  const chars = Array.from(input);
  const tokens: Token[] = [];
  let i = 0;
  const isSpace = (c: string | undefined) => c === undefined || /\s/u.test(c);
  while (i < chars.length) {
    const char = chars[i] as string;
    if (isSpace(char)) {
      i++;
      continue;
    }
    // A minus sign right before a word or a quote excludes it; a lone one is noise.
    const negated = char === '-' && !isSpace(chars[i + 1]) && chars[i + 1] !== '-';
    if (char === '-' && !negated) {
      i++;
      continue;
    }
    if (negated) i++;
    let text = '';
    let phrase = false;
    if (QUOTES.has(chars[i] as string)) {
      phrase = true;
      i++;
      while (i < chars.length && !QUOTES.has(chars[i] as string)) text += chars[i++];
      i++;
    } else {
      while (i < chars.length && !isSpace(chars[i]) && !QUOTES.has(chars[i] as string)) text += chars[i++];
    }
    text = text.trim().replace(/\s+/gu, ' ');
    if (!negated && !phrase && OR_WORDS.has(text.toLowerCase())) tokens.push({ kind: 'or' });
    else if (HAS_WORD_CHAR.test(text)) tokens.push({ kind: 'term', term: { text, phrase, negated } });
  }
  return tokens;
}

export function parseSearchQuery(raw: string): ParsedQuery {
  const chars = Array.from(raw);
  const truncated = chars.length > MAX_QUERY_CHARS;
  const groups: SearchTerm[][] = [[]];
  let terms = 0;
  for (const token of tokenize(chars.slice(0, MAX_QUERY_CHARS).join(''))) {
    if (token.kind === 'or') {
      // A leading, trailing or repeated OR joins nothing and is dropped.
      if ((groups.at(-1) as SearchTerm[]).length > 0) groups.push([]);
      continue;
    }
    if (terms === MAX_TERMS) return { groups: groups.filter(hasPositive), truncated: true };
    (groups.at(-1) as SearchTerm[]).push(token.term);
    terms++;
  }
  return { groups: groups.filter(hasPositive), truncated };
}

function hasPositive(group: SearchTerm[]): boolean {
  return group.some((term) => !term.negated);
}

/**
 * A word as snippets cut text into them: letters with their marks, digits
 * (with a decimal point inside), and the joiners that may sit inside a word.
 */
export const WORD_RUN = /[\p{L}\p{M}\p{N}\u200C\u200D]+(?:[.,٫٬]\p{N}+)*/gu;

/** The words a reader looked for, for highlighting: positive terms only, phrases word by word. */
export function positiveWords(query: ParsedQuery): string[] {
  const words = query.groups.flatMap((group) => group.filter((term) => !term.negated).flatMap((term) => term.text.match(WORD_RUN) ?? []));
  return [...new Set(words)];
}
