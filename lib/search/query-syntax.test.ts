import { describe, expect, it } from 'vitest';
import { MAX_QUERY_CHARS, MAX_TERMS, parseSearchQuery, positiveWords } from './query-syntax';

const term = (text: string, extra: { phrase?: boolean; negated?: boolean } = {}) => ({ text, phrase: false, negated: false, ...extra });

describe('parseSearchQuery', () => {
  it('ANDs words', () => {
    expect(parseSearchQuery('سوفت  بنك').groups).toEqual([[term('سوفت'), term('بنك')]]);
  });

  it('reads quoted phrases, with Latin or Arabic quotes, and an unclosed quote to the end', () => {
    expect(parseSearchQuery('"سوفت بنك" OpenAI').groups).toEqual([[term('سوفت بنك', { phrase: true }), term('OpenAI')]]);
    expect(parseSearchQuery('«سوفت  بنك»').groups).toEqual([[term('سوفت بنك', { phrase: true })]]);
    expect(parseSearchQuery('“سوفت بنك”').groups).toEqual([[term('سوفت بنك', { phrase: true })]]);
    expect(parseSearchQuery('"سوفت بنك').groups).toEqual([[term('سوفت بنك', { phrase: true })]]);
  });

  it('splits on OR and أو, with AND binding tighter, as websearch_to_tsquery does', () => {
    expect(parseSearchQuery('a b OR c').groups).toEqual([[term('a'), term('b')], [term('c')]]);
    expect(parseSearchQuery('بنك أو مصرف').groups).toEqual([[term('بنك')], [term('مصرف')]]);
    expect(parseSearchQuery('بنك or مصرف').groups).toEqual([[term('بنك')], [term('مصرف')]]);
    // Inside a phrase, "or" is a word.
    expect(parseSearchQuery('"a or b"').groups).toEqual([[term('a or b', { phrase: true })]]);
  });

  it('excludes with a minus sign before a word or a phrase', () => {
    expect(parseSearchQuery('بنك -سوفت -"OpenAI Stargate"').groups).toEqual([
      [term('بنك'), term('سوفت', { negated: true }), term('OpenAI Stargate', { phrase: true, negated: true })],
    ]);
    // A hyphen inside a word is part of it.
    expect(parseSearchQuery('سوفت-بنك').groups).toEqual([[term('سوفت-بنك')]]);
  });

  it('drops lone operators, stray quotes and symbol-only words', () => {
    expect(parseSearchQuery('OR').groups).toEqual([]);
    expect(parseSearchQuery('- -- OR OR "" «» \\ <>').groups).toEqual([]);
    expect(parseSearchQuery('OR بنك OR OR مصرف OR').groups).toEqual([[term('بنك')], [term('مصرف')]]);
    expect(parseSearchQuery('   ').groups).toEqual([]);
  });

  it('drops groups of exclusions only: "everything but" is not a search', () => {
    expect(parseSearchQuery('-سوفت').groups).toEqual([]);
    expect(parseSearchQuery('-سوفت OR بنك').groups).toEqual([[term('بنك')]]);
  });

  it('keeps markup and backslashes as text for SQL to tokenize, never as syntax', () => {
    expect(parseSearchQuery('<script>alert(1)</script>').groups).toEqual([[term('<script>alert(1)</script>')]]);
    expect(parseSearchQuery("x\\' OR 1=1 --").groups).toEqual([[term("x\\'")], [term('1=1')]]);
  });

  it('cuts long input and many terms, and says so', () => {
    const long = parseSearchQuery('استثمار '.repeat(300));
    expect(long.truncated).toBe(true);
    expect(long.groups[0]?.length).toBe(MAX_TERMS);
    const longWord = parseSearchQuery('ب'.repeat(2000));
    expect(longWord.truncated).toBe(true);
    expect(longWord.groups[0]?.[0]?.text).toHaveLength(MAX_QUERY_CHARS);
    expect(parseSearchQuery('بنك').truncated).toBe(false);
  });
});

describe('positiveWords', () => {
  it('lists the words to highlight: positive terms, phrases word by word, no punctuation', () => {
    expect(positiveWords(parseSearchQuery('"سوفت بنك" -OpenAI بنك، 1.5 OR سوفت-بنك'))).toEqual(['سوفت', 'بنك', '1.5']);
  });
});
