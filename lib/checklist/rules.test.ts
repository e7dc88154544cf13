import { describe, expect, it } from 'vitest';
import { ALLOWED_SEVERITIES, boundsOf, CHECKLIST_ITEMS, DEFAULT_POLICY, isConfigurable, resolvePolicy, visibleLength } from './rules';

describe('checklist policy', () => {
  it('defaults to a blocker for a missing section, open inline comments and images without alt text, warnings for the rest', () => {
    expect(DEFAULT_POLICY).toEqual({
      headline: 'warning',
      standfirst: 'warning',
      section: 'blocker',
      tags: 'warning',
      comments: 'blocker',
      seoDescription: 'warning',
      slugChange: 'warning',
      imageAlt: 'blocker',
    });
  });

  it('uses the defaults when nothing is stored', () => {
    expect(resolvePolicy({})).toEqual(DEFAULT_POLICY);
    expect(resolvePolicy(null)).toEqual(DEFAULT_POLICY);
    expect(resolvePolicy(undefined)).toEqual(DEFAULT_POLICY);
  });

  it('takes every allowed stored severity', () => {
    for (const item of CHECKLIST_ITEMS) {
      for (const severity of ALLOWED_SEVERITIES[item]) expect(resolvePolicy({ [item]: severity })[item]).toBe(severity);
    }
  });

  it('keeps the section a blocker whatever is stored', () => {
    expect(isConfigurable('section')).toBe(false);
    expect(resolvePolicy({ section: 'warning' }).section).toBe('blocker');
    expect(resolvePolicy({ section: 'off' }).section).toBe('blocker');
  });

  it('ignores unknown items and unknown values, keeping the default', () => {
    expect(resolvePolicy({ tags: 'fatal', headline: 3, mystery: 'blocker' })).toEqual(DEFAULT_POLICY);
  });

  it('names the bounds of the items that have them', () => {
    expect(boundsOf('headline')).toEqual({ min: 15, max: 110 });
    expect(boundsOf('seoDescription')).toEqual({ min: 50, max: 160 });
    expect(boundsOf('tags')).toEqual({});
  });
});

describe('visibleLength', () => {
  it('counts a letter with its tashkeel as one character', () => {
    expect(visibleLength('كَتَبَ')).toBe(3);
    expect(visibleLength('ليلًا')).toBe(4);
  });

  it('trims and counts a run of white space as one', () => {
    expect(visibleLength('  خبر \n\t عاجل  ')).toBe(8);
  });

  it('counts Latin and emoji as a reader does', () => {
    expect(visibleLength('OpenAI')).toBe(6);
    expect(visibleLength('👍🏽')).toBe(1);
  });
});
