import { describe, expect, it } from 'vitest';
import type { Role } from '@/lib/auth/permissions';
import { canEditStory, isOwnStory, type EditorialState, type StoryActor, type StoryFacts, readOnlyMessage } from './rules';

const actor = (role: Role, id = 'me', authorId: string | null = 'my-author'): StoryActor => ({ id, role, status: 'active', authorId });
const story = (facts: Partial<StoryFacts> = {}): StoryFacts => ({ createdById: 'someone', bylineAuthorIds: [], editorialState: 'draft', archived: false, ...facts });
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
