import { describe, expect, it } from 'vitest';
import { normalizeArabic } from './normalize';

describe('normalizeArabic', () => {
  it('strips tashkeel, superscript alef and tatweel', () => {
    expect(normalizeArabic('مُقَطَّرَةٌ')).toBe('مقطرة');
    expect(normalizeArabic('استثمـــار')).toBe('استثمار');
    expect(normalizeArabic('ذٰلك')).toBe('ذلك');
  });

  it('folds hamza seats of alef, alef wasla and alef maqsura, and keeps teh marbuta', () => {
    expect(normalizeArabic('أإآٱ')).toBe('اااا');
    expect(normalizeArabic('مستشفى')).toBe('مستشفي');
    expect(normalizeArabic('شركة')).toBe('شركة');
    // Hamza on waw and yeh are letters of their own.
    expect(normalizeArabic('رؤساء')).toBe('رؤساء');
  });

  it('folds Arabic-Indic and Persian digits to ASCII', () => {
    expect(normalizeArabic('٢٠٢٤ و۱۵')).toBe('2024 و15');
  });

  it('lower-cases Latin, one code point at a time as Postgres does', () => {
    expect(normalizeArabic('OpenAI ÉCOLE')).toBe('openai école');
    expect(normalizeArabic('İ')).toBe('i');
    expect(normalizeArabic('ΣΑΣ')).toBe('σασ');
  });

  it('removes invisible joiners and direction marks that would split a word', () => {
    expect(normalizeArabic('سوف\u200Cت\u200F')).toBe('سوفت');
  });

  it('leaves everything else as it was', () => {
    expect(normalizeArabic("<b>'x' \\ ؟")).toBe("<b>'x' \\ ؟");
  });
});
