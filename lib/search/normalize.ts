// The search normalization, mirroring the SQL function public.sahifa_normalize
// (drizzle/0009_search_fn.sql) character for character; normalize.int.test.ts
// runs both over the same tricky strings. Pure: no I/O.
//
// - strips tashkeel (U+064B–U+065F), superscript alef (U+0670) and tatweel
//   (U+0640), plus the invisible characters that would split a word: zero-width
//   space and joiners, direction marks and isolates, the byte-order mark;
// - folds أ إ آ ٱ to ا and ى to ي;
// - keeps ة: the stemmer strips it as the feminine ending, so شركة and شركات
//   meet; folded into ه it would read as the pronoun of كتابه (README, Search);
// - folds Arabic-Indic and Persian digits to ASCII;
// - lower-cases, one code point at a time, as Postgres's lower() does.

const STRIPPED = /[\u064B-\u065F\u0670\u0640\u200B-\u200F\u061C\u2066-\u2069\uFEFF]/g;

const FOLDS: Record<string, string> = { 'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي' };

function foldChar(char: string): string {
  const folded = FOLDS[char];
  if (folded) return folded;
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  // Postgres lower-cases code point by code point: no final-sigma rule, and
  // İ becomes a plain i where JavaScript would add a combining dot.
  if (char === 'İ') return 'i';
  return char.toLowerCase();
}

export function normalizeArabic(text: string): string {
  let out = '';
  for (const char of text.replace(STRIPPED, '')) out += foldChar(char);
  return out;
}
