import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSeedStory } from './seed-story';

const file = readFileSync(path.join(import.meta.dirname, 'seed-story.ar.txt'), 'utf8');

describe('parseSeedStory', () => {
  it('reads the kicker, the headline and 13 verbatim paragraphs', () => {
    const story = parseSeedStory(file);
    expect(story.kicker).toBe('آخر الأخبار');
    expect(story.headline).toBe('سوفت بنك تخطط لاستثمار ضخم في OpenAI: خطوة قد تغيّر قواعد اللعبة');
    expect(story.paragraphs).toHaveLength(13);
    // The author's quirks survive: the stray asterisk, «OpenAL», curly quotes, no final full stop.
    expect(story.paragraphs[0]).toContain('*أكبر');
    expect(story.paragraphs[2]).toContain('OpenAL');
    expect(story.paragraphs[5]).toContain('“مُقطّرة”');
    expect(story.paragraphs.at(-1)?.endsWith('.')).toBe(false);
    expect(story.paragraphs.join('\n')).toBe(file.split('\n').slice(3).join('\n'));
  });

  it('accepts CRLF line ends and a trailing newline', () => {
    const story = parseSeedStory('ك\r\nعنوان\r\n\r\nفقرة أولى\r\nفقرة ثانية\r\n');
    expect(story).toEqual({ kicker: 'ك', headline: 'عنوان', paragraphs: ['فقرة أولى', 'فقرة ثانية'] });
  });

  it('refuses a file without the blank third line or without a body', () => {
    expect(() => parseSeedStory('ك\nعنوان\nفقرة')).toThrow(/line 3/);
    expect(() => parseSeedStory('ك\nعنوان\n')).toThrow(/no body/);
    expect(() => parseSeedStory('ك\nعنوان\n\nأ\n\nب')).toThrow(/blank line/);
  });
});
