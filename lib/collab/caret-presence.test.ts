// @vitest-environment happy-dom
import { Schema } from '@tiptap/pm/model';
import { EditorState, Plugin } from '@tiptap/pm/state';
import { EditorView } from '@tiptap/pm/view';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { caretAwareness, caretMayBeIn, PUBLISH_AT_LEAST_MS, PUBLISH_PAUSE_MS, publishAfterPause } from './caret-presence';

// Two tabs on one document, with real Yjs and y-protocols: "mine" has the editors' view of presence, "theirs"
// moves a colleague's caret, and their presence reaches mine as the provider would apply it.
function twoTabs() {
  const mine = new Y.Doc();
  const body = mine.getXmlFragment('body');
  const headline = mine.getXmlFragment('headline');
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('نص القصة')]);
  body.insert(0, [paragraph]);
  const title = new Y.XmlElement('paragraph');
  title.insert(0, [new Y.XmlText('عنوان')]);
  headline.insert(0, [title]);
  const theirs = new Y.Doc();
  Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
  const myAwareness = new awarenessProtocol.Awareness(mine);
  const theirAwareness = new awarenessProtocol.Awareness(theirs);
  theirAwareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    awarenessProtocol.applyAwarenessUpdate(myAwareness, awarenessProtocol.encodeAwarenessUpdate(theirAwareness, [...added, ...updated, ...removed]), 'remote');
  });
  // A caret at the start of the text of a fragment's first paragraph, as the caret plugin sends it.
  const caretAt = (fragment: string) => {
    const text = (theirs.getXmlFragment(fragment).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, 0));
    return { anchor: position, head: position };
  };
  return { mine, theirs, body, headline, myAwareness, theirAwareness, caretAt };
}

describe('caretAwareness', () => {
  it("tells an editor's caret plugin only of colleagues' carets that are or were in its fragment", () => {
    const { mine, body, headline, myAwareness, theirAwareness, caretAt } = twoTabs();
    const inBody = vi.fn();
    const inHeadline = vi.fn();
    caretAwareness(myAwareness, body).on('change', inBody);
    caretAwareness(myAwareness, headline).on('change', inHeadline);

    // This tab's own caret moving (every keystroke) concerns no editor: a tab does not draw its own caret.
    myAwareness.setLocalStateField('cursor', { anchor: 1, head: 1 });
    expect([inBody.mock.calls.length, inHeadline.mock.calls.length]).toEqual([0, 0]);

    theirAwareness.setLocalStateField('user', { name: 'نادية سليم', color: '#1d5fa8' });
    expect([inBody.mock.calls.length, inHeadline.mock.calls.length]).toEqual([0, 0]);
    theirAwareness.setLocalStateField('cursor', caretAt('body'));
    expect([inBody.mock.calls.length, inHeadline.mock.calls.length]).toEqual([1, 0]);
    expect(caretMayBeIn(myAwareness.getStates().get(theirAwareness.clientID), body, mine)).toBe(true);
    // Into the headline: the body must take its caret away, the headline draw it.
    theirAwareness.setLocalStateField('cursor', caretAt('headline'));
    expect([inBody.mock.calls.length, inHeadline.mock.calls.length]).toEqual([2, 1]);
    // A change of name while in the headline concerns the headline alone.
    theirAwareness.setLocalStateField('user', { name: 'نادية', color: '#1d5fa8' });
    expect([inBody.mock.calls.length, inHeadline.mock.calls.length]).toEqual([2, 2]);
    // Gone (tab closed): the headline takes the caret away.
    awarenessProtocol.removeAwarenessStates(myAwareness, [theirAwareness.clientID], 'remote');
    expect([inBody.mock.calls.length, inHeadline.mock.calls.length]).toEqual([2, 3]);
  });

  it('tells of a caret that points into text not here yet, so its leaving is heard where that text lands', () => {
    const { mine, theirs, body, headline, myAwareness, theirAwareness, caretAt } = twoTabs();
    const inBody = vi.fn();
    const inHeadline = vi.fn();
    caretAwareness(myAwareness, body).on('change', inBody);
    caretAwareness(myAwareness, headline).on('change', inHeadline);
    // They type into the headline; the server relays their caret before their (stored first) text.
    const before = Y.encodeStateVector(mine);
    ((theirs.getXmlFragment('headline').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'عاجل: ');
    theirAwareness.setLocalStateField('cursor', caretAt('headline'));
    expect(caretMayBeIn(myAwareness.getStates().get(theirAwareness.clientID), body, mine)).toBe(true);
    expect([inBody.mock.calls.length, inHeadline.mock.calls.length]).toEqual([1, 1]);
    // The text arrives (the plugin draws the caret from it), then they move to the body: the headline hears of it.
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs, before));
    theirAwareness.setLocalStateField('cursor', caretAt('body'));
    expect([inBody.mock.calls.length, inHeadline.mock.calls.length]).toEqual([2, 2]);
    theirAwareness.setLocalStateField('cursor', null);
    expect([inBody.mock.calls.length, inHeadline.mock.calls.length]).toEqual([3, 2]);
  });

  it('passes everything else through, and stops listening when the plugin does', () => {
    const { body, myAwareness, theirAwareness, caretAt } = twoTabs();
    const view = caretAwareness(myAwareness, body);
    const updates = vi.fn();
    const changes = vi.fn();
    view.on('update', updates);
    view.on('change', changes);
    view.setLocalStateField('user', { name: 'عمر', color: '#2e7d32' });
    expect(myAwareness.getLocalState()).toMatchObject({ user: { name: 'عمر' } });
    expect(view.getLocalState()).toBe(myAwareness.getLocalState());
    expect(view.clientID).toBe(myAwareness.clientID);
    expect(updates).toHaveBeenCalledTimes(1);
    view.off('change', changes);
    theirAwareness.setLocalStateField('cursor', caretAt('body'));
    expect(changes).not.toHaveBeenCalled();
  });
});

describe('publishAfterPause', () => {
  afterEach(() => vi.useRealTimers());

  const schema = new Schema({ nodes: { doc: { content: 'text*' }, text: {} } });

  function viewWith(plugin: Plugin) {
    const updates = vi.fn();
    const destroyed = vi.fn();
    const counted = new Plugin({ ...plugin.spec, view: () => ({ update: updates, destroy: destroyed }) });
    const view = new EditorView(document.createElement('div'), { state: EditorState.create({ schema, plugins: [publishAfterPause(counted)] }) });
    const type = (text: string) => view.dispatch(view.state.tr.insertText(text));
    return { view, updates, destroyed, type };
  }

  it("runs the plugin view's update once typing pauses, not per transaction", () => {
    vi.useFakeTimers();
    const { view, updates, type } = viewWith(new Plugin({}));
    for (const letter of 'صحيفة') type(letter);
    expect(updates).not.toHaveBeenCalled();
    vi.advanceTimersByTime(PUBLISH_PAUSE_MS);
    expect(updates).toHaveBeenCalledTimes(1);
    expect(updates).toHaveBeenCalledWith(view, view.state);
    view.destroy();
  });

  it('still runs it every so often while typing goes on, and not after the view is gone', () => {
    vi.useFakeTimers();
    const { view, updates, destroyed, type } = viewWith(new Plugin({}));
    for (let elapsed = 0; elapsed < PUBLISH_AT_LEAST_MS; elapsed += 20) {
      type('س');
      vi.advanceTimersByTime(20);
    }
    expect(updates).toHaveBeenCalledTimes(1);
    type('ص');
    view.destroy();
    expect(destroyed).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(PUBLISH_AT_LEAST_MS);
    expect(updates).toHaveBeenCalledTimes(1);
  });
});
