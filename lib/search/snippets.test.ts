import { describe, expect, it } from 'vitest';
import { markSegments, mightMatch, pickWindow, snippetOf, tsqueryLexemes, wordRuns } from './snippets';

describe('wordRuns', () => {
  it('keeps tashkeel, tatweel and decimal numbers inside words', () => {
    expect(wordRuns('مُقَطَّرة، استثمـــار 1.5 و25').map((run) => run.text)).toEqual(['مُقَطَّرة', 'استثمـــار', '1.5', 'و25']);
  });
});

describe('tsqueryLexemes', () => {
  it('reads the quoted lexemes of a tsquery, undoubling quotes and backslashes', () => {
    expect(tsqueryLexemes("( 'استثمار' | 'والاستثمار' ) & 'o''neil' & 'a\\\\b' <-> 'x'")).toEqual(['استثمار', 'والاستثمار', "o'neil", 'a\\b', 'x']);
  });
});

describe('mightMatch', () => {
  it('finds the lexeme inside the word, whatever its proclitics, tashkeel or hamza seats', () => {
    expect(mightMatch('لاستثمار', ['استثمار'])).toBe(true);
    expect(mightMatch('والاستثمـــارات', ['استثمار'])).toBe(true);
    expect(mightMatch('رُؤَساء', ['روساء'])).toBe(true);
    expect(mightMatch('OpenAI', ['openai'])).toBe(true);
    // A lexeme the stemmer kept behind its ال (a short word).
    expect(mightMatch('السن', ['السن'])).toBe(true);
    expect(mightMatch('بنك', ['استثمار'])).toBe(false);
  });
});

describe('markSegments', () => {
  it('marks whole original words, tashkeel included, and folds white space', () => {
    const text = 'تستعد   شركة\nالاستثمارِ لضخ';
    const runs = wordRuns(text);
    expect(markSegments(text, runs, (run) => run.text === 'الاستثمارِ')).toEqual([
      { text: 'تستعد شركة ', mark: false },
      { text: 'الاستثمارِ', mark: true },
      { text: ' لضخ', mark: false },
    ]);
  });
});

describe('pickWindow and snippetOf', () => {
  it('picks the window with the most matches, starting a little before the first', () => {
    const marks = Array.from({ length: 100 }, (_, i) => i === 50 || i === 52 || i === 10);
    expect(pickWindow(marks, 10)).toEqual({ start: 46, end: 56 });
    expect(pickWindow([false, false], 10)).toEqual({ start: 0, end: 2 });
  });

  it('cuts the body around the matches with ellipses', () => {
    const words = Array.from({ length: 60 }, (_, i) => `كلمة${i}`);
    words[40] = 'استثمار';
    const text = words.join(' ') + '.';
    const runs = wordRuns(text);
    const segments = snippetOf(text, runs, (run) => run.text === 'استثمار', 10);
    expect(segments[0]).toEqual({ text: '… ', mark: false });
    expect(segments.at(-1)).toEqual({ text: ' …', mark: false });
    expect(segments.filter((s) => s.mark)).toEqual([{ text: 'استثمار', mark: true }]);
    expect(snippetOf('', [], () => false)).toEqual([]);
  });
});
