import { describe, expect, it } from 'vitest';
import type { Role } from '@/lib/auth/permissions';
import { canEditStory, canOpenStory, isOwnStory, type EditorialState, type StoryActor, type StoryFacts, readOnlyMessage } from './rules';

const actor = (role: Role, id = 'me', authorId: string | null = 'my-author', deskIds: string[] = []): StoryActor => ({ id, role, status: 'active', authorId, deskIds });
const story = (facts: Partial<StoryFacts> = {}): StoryFacts => ({ createdById: 'someone', bylineAuthorIds: [], editorialState: 'draft', archived: false, restricted: false, deskId: null, ...facts });
const states: EditorialState[] = ['draft', 'in_review', 'changes_requested', 'approved'];

describe('own story', () => {
  it('is one the user created, or whose byline carries their author profile', () => {
    expect(isOwnStory(actor('writer'), story({ createdById: 'me' }))).toBe(true);
    expect(isOwnStory(actor('writer'), story({ bylineAuthorIds: ['other', 'my-author'] }))).toBe(true);
    expect(isOwnStory(actor('writer'), story())).toBe(false);
    expect(isOwnStory(actor('writer', 'me', null), story({ bylineAuthorIds: ['my-author'] }))).toBe(false);
  });
});

describe('canEditStory', () => {
  for (const state of states) {
    const writable = state === 'draft' || state === 'changes_requested';
    it(`a writer ${writable ? 'edits' : 'only reads'} their own story in ${state}`, () => {
      expect(canEditStory(actor('writer'), story({ createdById: 'me', editorialState: state }))).toBe(writable);
    });
    it(`a writer never edits someone else's story in ${state}`, () => {
      expect(canEditStory(actor('writer'), story({ editorialState: state }))).toBe(false);
    });
    for (const role of ['editor', 'admin'] as Role[]) {
      it(`an ${role} edits any story in ${state}`, () => {
        expect(canEditStory(actor(role), story({ editorialState: state }))).toBe(true);
      });
    }
  }

  it('nobody edits an archived story, and nobody edits without a session or when deactivated', () => {
    expect(canEditStory(actor('admin'), story({ archived: true }))).toBe(false);
    expect(canEditStory(null, story())).toBe(false);
    expect(canEditStory({ ...actor('admin'), status: 'deactivated' }, story())).toBe(false);
  });

});

describe('readOnlyMessage', () => {
  it('tells how to get a story back, by its state', () => {
    expect(readOnlyMessage({ editorialState: 'in_review', archived: false })).toBe('editor.readOnlyInReview');
    expect(readOnlyMessage({ editorialState: 'approved', archived: false })).toBe('editor.readOnlyApproved');
    expect(readOnlyMessage({ editorialState: 'in_review', archived: true })).toBe('editor.readOnlyArchived');
    expect(readOnlyMessage({ editorialState: 'draft', archived: false })).toBe('editor.readOnly');
  });
});

describe('canOpenStory', () => {
  const restricted = story({ restricted: true, deskId: 'sport' });
  it('opens any unrestricted story for any staff member', () => {
    for (const role of ['writer', 'editor', 'admin'] as Role[]) expect(canOpenStory(actor(role), story({ deskId: 'sport' }))).toBe(true);
  });
  it('opens a restricted story for its authors, its desk’s editors and admins only', () => {
    expect(canOpenStory(actor('writer'), restricted)).toBe(false);
    expect(canOpenStory(actor('writer'), { ...restricted, createdById: 'me' })).toBe(true);
    expect(canOpenStory(actor('writer'), { ...restricted, bylineAuthorIds: ['my-author'] })).toBe(true);
    expect(canOpenStory(actor('editor', 'me', null, ['technology']), restricted)).toBe(false);
    expect(canOpenStory(actor('editor', 'me', null, ['technology', 'sport']), restricted)).toBe(true);
    expect(canOpenStory(actor('admin'), restricted)).toBe(true);
    // A writer on a desk's member list is still not its editor.
    expect(canOpenStory(actor('writer', 'me', null, ['sport']), restricted)).toBe(false);
  });
  it('opens a restricted story of the general desk for every editor', () => {
    expect(canOpenStory(actor('editor'), { ...restricted, deskId: null })).toBe(true);
    expect(canOpenStory(actor('writer'), { ...restricted, deskId: null })).toBe(false);
  });
  it('lets nobody edit what they may not open', () => {
    expect(canEditStory(actor('editor', 'me', null, ['technology']), restricted)).toBe(false);
    expect(canEditStory(actor('editor', 'me', null, ['sport']), restricted)).toBe(true);
  });
});
