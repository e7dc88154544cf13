import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { parseSeedStory } from '@/db/seed-story';
import { normalizeDoc, paragraphsToDoc } from '@/lib/content/document';
import { deriveStoryText, overLongFields, storyTextToYDoc, type StoryText } from './codec';
import { inspectUpdate, MAX_UPDATE_BYTES } from './guard';

const text: StoryText = {
  kicker: 'عاجل',
  headline: 'عنوان الخبر',
  subheadline: 'عنوان ثان',
  standfirst: 'مقدمة',
  seoTitle: '',
  seoDescription: 'وصف',
  body: {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'عنوان فرعي' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'رابط', marks: [{ type: 'link', attrs: { href: 'https://example.com' } }] }, { type: 'text', text: ' وعريض', marks: [{ type: 'bold' }] }] },
    ],
  },
};

/** An update that applies `change` to a copy of `doc`. */
function updateFrom(doc: Y.Doc, change: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  change(copy);
  return Y.encodeStateAsUpdate(copy, before);
}

describe('story JSON ⇄ Yjs document', () => {
  it('round-trips the body and every text field', () => {
    const derived = deriveStoryText(storyTextToYDoc(text));
    expect(derived).toEqual({ ok: true, text });
  });

  it('gives the seed story a document that derives back to the same text', () => {
    const seed = parseSeedStory(readFileSync('db/seed-story.ar.txt', 'utf8'));
    const stored: StoryText = { kicker: seed.kicker, headline: seed.headline, subheadline: '', standfirst: '', seoTitle: '', seoDescription: '', body: paragraphsToDoc(seed.paragraphs) };
    const derived = deriveStoryText(storyTextToYDoc(stored));
    expect(derived).toEqual({ ok: true, text: { ...stored, body: normalizeDoc(stored.body) } });
  });

  it('reads an empty document as an empty story', () => {
    expect(deriveStoryText(new Y.Doc())).toEqual({ ok: true, text: { kicker: '', headline: '', subheadline: '', standfirst: '', seoTitle: '', seoDescription: '', body: { type: 'doc', content: [{ type: 'paragraph' }] } } });
  });

  it('refuses a field that is not one plain paragraph, and a field over its limit', () => {
    const doc = storyTextToYDoc(text);
    doc.getXmlFragment('kicker').insert(1, [new Y.XmlElement('paragraph')]);
    expect(deriveStoryText(doc)).toMatchObject({ ok: false, problems: [{ path: 'kicker' }] });
    const long = storyTextToYDoc({ ...text, headline: 'ا'.repeat(251) });
    expect(deriveStoryText(long)).toMatchObject({ ok: false, problems: [{ path: 'headline', message: 'errors.tooLong' }] });
  });

  it('refuses a body the schema does not allow', () => {
    const doc = storyTextToYDoc(text);
    const heading = doc.getXmlFragment('body').get(0) as Y.XmlElement;
    heading.setAttribute('level', 1 as unknown as string);
    expect(deriveStoryText(doc)).toMatchObject({ ok: false, problems: [{ message: 'bad heading level' }] });
  });
});

describe('overLongFields', () => {
  it('cuts a field that fails only for its length at its limit, never inside a character, and leaves the rest', () => {
    const emoji = '\u{1F4F0}';
    const doc = storyTextToYDoc({ ...text, headline: 'ع'.repeat(249) + emoji + 'ن', kicker: 'ك'.repeat(130) + '\u0007', standfirst: 'مقدمة' });
    const cuts = overLongFields(doc);
    // 251 code units: a cut at 250 would split the emoji's pair, so it is cut before it.
    expect(cuts.headline).toBe('ع'.repeat(249));
    // Past its limit and holding a control character: not a length problem alone, so not cut.
    expect('kicker' in cuts).toBe(false);
    expect('standfirst' in cuts).toBe(false);
    expect(deriveStoryText(storyTextToYDoc({ ...text, headline: cuts.headline as string })).ok).toBe(true);
  });
});

describe('the update check', () => {
  const doc = storyTextToYDoc(text);

  it('lets typing, formatting and known blocks through', () => {
    const typed = updateFrom(doc, (copy) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('نص جديد')]);
      copy.getXmlFragment('body').insert(2, [paragraph]);
      ((copy.getXmlFragment('body').get(1) as Y.XmlElement).get(0) as Y.XmlText).format(0, 2, { italic: {} });
    });
    expect(inspectUpdate(typed)).toEqual({ ok: true });
  });

  it('lets an attribute be set again: its update names the previous value as its origin, not its key', () => {
    const once = new Y.Doc();
    Y.applyUpdate(once, Y.encodeStateAsUpdate(doc));
    const block = once.getXmlFragment('body').get(1) as Y.XmlElement;
    block.setAttribute('autoDir', 'rtl');
    const again = updateFrom(once, (copy) => (copy.getXmlFragment('body').get(1) as Y.XmlElement).setAttribute('autoDir', 'ltr'));
    expect(inspectUpdate(again)).toEqual({ ok: true });
    expect(inspectUpdate(again, once)).toEqual({ ok: true });
  });

  it('refuses a raw value put among a block’s children, which names a child, not an attribute, as its origin', () => {
    const listed = updateFrom(doc, (copy) => (copy.getXmlFragment('body') as unknown as { insert: (index: number, content: unknown[]) => void }).insert(1, ['raw']));
    expect(inspectUpdate(listed, doc)).toEqual({ ok: false, reason: 'list values are not part of a story' });
  });

  it.each([
    ['an unknown node', (copy: Y.Doc) => copy.getXmlFragment('body').insert(0, [new Y.XmlElement('iframe')]), 'unknown node iframe'],
    ['an unknown root', (copy: Y.Doc) => copy.getXmlFragment('secret').insert(0, [new Y.XmlText('x')]), 'unknown field secret'],
    ['an unknown mark', (copy: Y.Doc) => ((copy.getXmlFragment('body').get(1) as Y.XmlElement).get(0) as Y.XmlText).format(0, 2, { underline: {} }), 'unknown mark underline'],
    ['a javascript: link', (copy: Y.Doc) => ((copy.getXmlFragment('body').get(1) as Y.XmlElement).get(0) as Y.XmlText).format(0, 2, { link: { href: 'javascript:alert(1)' } }), 'unsafe link'],
    ['an unknown attribute', (copy: Y.Doc) => (copy.getXmlFragment('body').get(0) as Y.XmlElement).setAttribute('onclick', 'x'), 'unknown attribute onclick'],
    ['a map of its own', (copy: Y.Doc) => copy.getMap('meta').set('x', 1), 'unknown field meta'],
  ])('refuses %s', (_, change, reason) => {
    expect(inspectUpdate(updateFrom(doc, change))).toEqual({ ok: false, reason });
  });

  it('refuses an oversized or malformed update', () => {
    expect(inspectUpdate(new Uint8Array(MAX_UPDATE_BYTES + 1))).toEqual({ ok: false, reason: 'update too large' });
    expect(inspectUpdate(new Uint8Array([1, 2, 3, 4, 5]))).toEqual({ ok: false, reason: 'malformed update' });
  });
});
