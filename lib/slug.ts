// The slug rule of DESIGN.md, as one pure function used for every story,
// section, tag and author slug.

const MAX_CODE_POINTS = 80;

// Tashkeel (harakat, tanween, shadda, sukun, …), superscript alef, tatweel.
const STRIPPED_MARKS = /[\u064B-\u065F\u0670\u0640]/g;
const ARABIC_INDIC_DIGITS = /[\u0660-\u0669]/g;
const PERSIAN_DIGITS = /[\u06F0-\u06F9]/g;
// Arabic letters, Latin letters and ASCII digits. Built with RegExp so the
// `v` flag (set intersection) needs no compile-target change.
const WORD = new RegExp('[[\\p{Script=Arabic}&&\\p{L}][\\p{Script=Latin}&&\\p{L}][0-9]]+', 'gv');

/** Arabic-Indic (٠-٩) and Persian (۰-۹) digits to ASCII: the same keys on an Arabic keyboard. */
export function foldDigits(text: string): string {
  return text
    .replace(ARABIC_INDIC_DIGITS, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(PERSIAN_DIGITS, (d) => String(d.charCodeAt(0) - 0x06f0));
}

function codePointLength(text: string): number {
  return Array.from(text).length;
}

/** Turns a headline or name into a URL slug (not yet percent-encoded). */
export function slugify(input: string): string {
  // NFKC folds Arabic presentation forms and full-width Latin into plain letters.
  const cleaned = foldDigits(input.normalize('NFKC').replace(STRIPPED_MARKS, '')).toLowerCase();
  const words = cleaned.match(WORD) ?? [];

  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (codePointLength(next) > MAX_CODE_POINTS) {
      // A single word longer than the limit is cut hard; otherwise stop at the last whole word.
      if (!slug) slug = Array.from(word).slice(0, MAX_CODE_POINTS).join('');
      break;
    }
    slug = next;
  }
  return slug;
}

/** True when a string is already in slug form, e.g. for validating a slug typed by an editor. */
export function isSlug(value: string): boolean {
  return value.length > 0 && slugify(value) === value;
}

/**
 * Numbered variants of a taken slug, «openai-2», «openai-3»…, each within the
 * length limit (the base is cut at a word boundary to make room). A slug that
 * already ends in a small number counts on from it: «openai-2» → «openai-3»;
 * a year stays part of the base: «budget-2026» → «budget-2026-2».
 */
export function slugVariants(slug: string, count: number): string[] {
  const numbered = /^(.*)-(\d{1,3})$/.exec(slug);
  const base = numbered?.[1] || slug;
  const first = numbered ? Number(numbered[2]) + 1 : 2;
  return Array.from({ length: count }, (_, index) => {
    const suffix = `-${first + index}`;
    let head = base;
    while (codePointLength(head) + suffix.length > MAX_CODE_POINTS) {
      const cut = head.lastIndexOf('-');
      head = cut > 0 ? head.slice(0, cut) : Array.from(head).slice(0, MAX_CODE_POINTS - suffix.length).join('');
    }
    return `${head}${suffix}`;
  });
}

/** The path segment as links, canonicals, feeds and sitemaps carry it. */
export function encodeSlug(slug: string): string {
  return encodeURIComponent(slug);
}

/** Decodes a path segment; null for malformed percent-encoding. */
export function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
