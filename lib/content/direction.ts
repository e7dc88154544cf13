// The direction of a run of text by its dominant script. `dir="auto"` lets
// the first strong character decide, so an Arabic paragraph that opens with
// a brand («OpenAI ليست…») reads left to right and its full stop jumps to the
// wrong end. Here the strong characters are counted instead: right-to-left
// letters against left-to-right ones, and a tie (no letters at all, or as
// many of each) takes the story's language. Pure, so the editor, the save
// route and the reader renderer all decide the same way.

export type Direction = 'ltr' | 'rtl';
export type ContentLanguage = 'ar' | 'en';

/** Letters of the right-to-left scripts (bidi class R or AL). Digits are weak and never count. */
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u;
const LETTER = /\p{L}/u;
const LETTERS = /\p{L}/gu;

export function languageDirection(language: ContentLanguage): Direction {
  return language === 'ar' ? 'rtl' : 'ltr';
}

export function dominantDirection(text: string, language: ContentLanguage): Direction {
  let rtl = 0;
  let ltr = 0;
  for (const [letter] of text.matchAll(LETTERS)) {
    if (RTL_LETTER.test(letter)) rtl += 1;
    else if (LETTER.test(letter)) ltr += 1;
  }
  if (rtl === ltr) return languageDirection(language);
  return rtl > ltr ? 'rtl' : 'ltr';
}
