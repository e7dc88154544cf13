import { describe, expect, it } from 'vitest';
import { dominantDirection, type Direction } from './direction';

// Sentences as they appear in Arabic tech and business news, and a few that
// are not Arabic at all. The first strong character (what dir="auto" reads)
// is Latin in most of the Arabic ones: that is the case this rule exists for.
const TABLE: readonly [text: string, language: 'ar' | 'en', expected: Direction][] = [
  ['OpenAI ليست شركة ربحية بالكامل كما يظن كثيرون.', 'ar', 'rtl'],
  ['ChatGPT يستخدمه أكثر من 800 مليون شخص أسبوعياً.', 'ar', 'rtl'],
  ['iPhone 17 يصل إلى الأسواق السعودية الشهر المقبل.', 'ar', 'rtl'],
  ['Nvidia تتجاوز قيمتها السوقية خمسة تريليونات دولار.', 'ar', 'rtl'],
  ['SoftBank تخطط لاستثمار ضخم في مراكز البيانات.', 'ar', 'rtl'],
  ['Aramco ترفع توزيعاتها النقدية للربع الثالث.', 'ar', 'rtl'],
  ['Tesla Model Y هي السيارة الأكثر مبيعاً في الإمارات.', 'ar', 'rtl'],
  ['Microsoft وGoogle وMeta تتسابق على الذكاء الاصطناعي.', 'ar', 'rtl'],
  ['«Vision 2030» تعيد رسم خريطة الاستثمار في المملكة.', 'ar', 'rtl'],
  ['Samsung Galaxy S26 Ultra: مراجعة شاملة بعد أسبوعين من الاستخدام.', 'ar', 'rtl'],
  ['قالت الشركة إن Apple Intelligence سيصل بالعربية العام المقبل.', 'ar', 'rtl'],
  ['ارتفع مؤشر S&P 500 بنسبة 1.2% في ختام التداولات.', 'ar', 'rtl'],
  ['بلغ سعر برميل Brent نحو 74 دولاراً.', 'ar', 'rtl'],
  // A sentence mostly in English with an Arabic name stays left to right.
  ['The Saudi wealth fund PIF said صندوق الاستثمارات would keep its stake.', 'ar', 'ltr'],
  ['Apple unveiled the iPhone 17 in Cupertino on Tuesday.', 'ar', 'ltr'],
  ['Breaking: markets fall after the Fed decision.', 'en', 'ltr'],
  ['OpenAI released a new model today.', 'en', 'ltr'],
  ['أعلنت الحكومة خطة جديدة لدعم الشركات الناشئة.', 'en', 'rtl'],
  // No letters at all: a tie, so the story's language decides.
  ['2025', 'ar', 'rtl'],
  ['2025', 'en', 'ltr'],
  ['١٢٫٥٪', 'ar', 'rtl'],
  ['+966 11 123 4567', 'en', 'ltr'],
  ['', 'ar', 'rtl'],
  // As many Latin as Arabic letters: a tie too.
  ['abcd أبجد', 'ar', 'rtl'],
  ['abcd أبجد', 'en', 'ltr'],
  // Tashkeel and tatweel are marks, not letters; the Arabic still wins on its letters.
  ['GPT-5 يُغيّـر قواعد اللعبة', 'ar', 'rtl'],
  ['שלום עולם, hi', 'en', 'rtl'],
];

describe('dominantDirection', () => {
  it.each(TABLE)('%s (%s) → %s', (text, language, expected) => {
    expect(dominantDirection(text, language)).toBe(expected);
  });

  it('differs from the first-strong-character rule where it matters', () => {
    const firstStrongIsLatin = TABLE.filter(([text, , expected]) => expected === 'rtl' && /^[^\p{L}]*\p{Script=Latin}/u.test(text));
    expect(firstStrongIsLatin.length).toBeGreaterThanOrEqual(10);
  });
});
