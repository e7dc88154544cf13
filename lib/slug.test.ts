import { describe, expect, it } from 'vitest';
import { decodeSegment, encodeSlug, isSlug, slugify, slugVariants } from './slug';

describe('slugify', () => {
  it('keeps Arabic and lower-cases Latin, dropping punctuation such as «OpenAI:»', () => {
    expect(slugify('سوفت بنك تخطط لاستثمار ضخم في OpenAI: خطوة قد تغيّر قواعد اللعبة')).toBe(
      'سوفت-بنك-تخطط-لاستثمار-ضخم-في-openai-خطوة-قد-تغير-قواعد-اللعبة',
    );
  });

  it('strips tashkeel, shadda, superscript alef and tatweel', () => {
    expect(slugify('مُحَمَّدٌ')).toBe('محمد');
    expect(slugify('استثمـــار')).toBe('استثمار');
    expect(slugify('هٰذا')).toBe('هذا');
    expect(slugify('تغيّر')).toBe('تغير');
  });

  it('folds Arabic-Indic and Persian digits to ASCII', () => {
    expect(slugify('ميزانية ٢٠٢٦')).toBe('ميزانية-2026');
    expect(slugify('۱۵ مليار')).toBe('15-مليار');
  });

  it('collapses any run of other characters into one hyphen, none at the ends', () => {
    expect(slugify('  «ماذا» — يحدث؟!  ')).toBe('ماذا-يحدث');
    expect(slugify('15 و25 مليار $')).toBe('15-و25-مليار');
    expect(slugify('a--b__c')).toBe('a-b-c');
    expect(slugify('R1، DeepSeek؛ ARM Holdings')).toBe('r1-deepseek-arm-holdings');
  });

  it('keeps accented Latin letters and folds presentation forms', () => {
    expect(slugify('Café Ünïcode')).toBe('café-ünïcode');
    expect(slugify('\uFEFB')).toBe('لا');
  });

  it('cuts at a word boundary at most 80 code points long', () => {
    const headline = Array.from({ length: 30 }, (_, i) => `كلمة${i}`).join(' ');
    const slug = slugify(headline);
    expect(Array.from(slug).length).toBeLessThanOrEqual(80);
    expect(headline.replace(/ /g, '-').startsWith(slug + '-')).toBe(true);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('cuts a single overlong word hard', () => {
    expect(Array.from(slugify('ب'.repeat(200))).length).toBe(80);
  });

  it('returns an empty slug when nothing is kept', () => {
    expect(slugify('!!! ؟؟؟ ...')).toBe('');
  });
});

describe('slug helpers', () => {
  it('recognises slug form', () => {
    expect(isSlug('سوفت-بنك')).toBe(true);
    expect(isSlug('سوفت بنك')).toBe(false);
    expect(isSlug('OpenAI')).toBe(false);
    expect(isSlug('')).toBe(false);
  });

  it('percent-encodes for URLs and decodes back', () => {
    const slug = 'سوفت-بنك';
    const encoded = encodeSlug(slug);
    expect(encoded).toMatch(/^[A-Za-z0-9%-]+$/);
    expect(decodeSegment(encoded)).toBe(slug);
    expect(decodeSegment('%E0%A4%A')).toBeNull();
  });
});

describe('slugVariants', () => {
  it('numbers a taken slug from 2, and counts on from a number it already has', () => {
    expect(slugVariants('openai-تطلق', 3)).toEqual(['openai-تطلق-2', 'openai-تطلق-3', 'openai-تطلق-4']);
    expect(slugVariants('ميزانية-2026-3', 2)).toEqual(['ميزانية-2026-4', 'ميزانية-2026-5']);
    expect(slugVariants('ميزانية-2026', 1)).toEqual(['ميزانية-2026-2']);
  });

  it('stays a slug within the length limit, cut at a word boundary', () => {
    const long = slugify('كلمة '.repeat(30));
    for (const variant of slugVariants(long, 12)) {
      expect(isSlug(variant)).toBe(true);
      expect(Array.from(variant).length).toBeLessThanOrEqual(80);
      expect(variant.startsWith('كلمة-كلمة')).toBe(true);
    }
    expect(slugVariants('ا'.repeat(80), 1)[0]).toBe(`${'ا'.repeat(78)}-2`);
  });
});
