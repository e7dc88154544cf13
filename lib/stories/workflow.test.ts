import { describe, expect, it } from 'vitest';
import type { Role } from '@/lib/auth/permissions';
import type { EditorialState, PublicationState } from './rules';
import { decide, editorialActions, publicationActions, type WorkflowAction, type WorkflowFacts } from './workflow';

// The workflow tables of DESIGN.md, written a second time as a declarative
// spec, and checked against `decide` over every combination of facts.

type Rule = {
  who: (f: WorkflowFacts) => boolean;
  from: (f: WorkflowFacts) => boolean;
  also?: (f: WorkflowFacts) => boolean;
  to?: { editorialState?: EditorialState; publicationState?: PublicationState };
};

const desk = (f: WorkflowFacts) => (f.role === 'editor' || f.role === 'admin') && f.onDesk;
const spec: Record<WorkflowAction, Rule> = {
  submit: { who: (f) => f.isAuthor || desk(f), from: (f) => ['draft', 'changes_requested'].includes(f.editorialState), to: { editorialState: 'in_review' } },
  withdraw: { who: (f) => f.isAuthor, from: (f) => f.editorialState === 'in_review', to: { editorialState: 'draft' } },
  request_changes: { who: desk, from: (f) => ['in_review', 'approved'].includes(f.editorialState), also: (f) => f.hasReason, to: { editorialState: 'changes_requested' } },
  approve: {
    who: (f) => desk(f) && ((!f.isAuthor && !f.editedSinceApproval) || (f.role === 'admin' && f.override && f.hasReason)),
    from: (f) => f.editorialState === 'in_review',
    to: { editorialState: 'approved' },
  },
  publish: { who: desk, from: (f) => f.approvedNotPublished && !['taken_down', 'retracted'].includes(f.publicationState), to: { publicationState: 'published' } },
  schedule: { who: desk, from: (f) => f.approvedNotPublished && !['taken_down', 'retracted'].includes(f.publicationState) },
  unschedule: { who: desk, from: (f) => f.scheduled },
  take_down: { who: desk, from: (f) => f.publicationState === 'published', also: (f) => f.hasReason, to: { publicationState: 'taken_down' } },
  retract: { who: desk, from: (f) => ['published', 'taken_down'].includes(f.publicationState), also: (f) => f.hasReason, to: { publicationState: 'retracted' } },
  republish: { who: desk, from: (f) => ['taken_down', 'retracted'].includes(f.publicationState), to: { publicationState: 'published' } },
  archive: { who: desk, from: (f) => !f.archived && f.publicationState !== 'published' && !f.scheduled },
  restore: { who: desk, from: (f) => f.archived },
};

const roles: Role[] = ['writer', 'editor', 'admin'];
const editorialStates: EditorialState[] = ['draft', 'in_review', 'changes_requested', 'approved'];
const publicationStates: PublicationState[] = ['unpublished', 'published', 'taken_down', 'retracted'];
const bools = [false, true];

function* allFacts(): Generator<WorkflowFacts> {
  for (const role of roles)
    for (const isAuthor of bools)
      for (const editorialState of editorialStates)
        for (const publicationState of publicationStates)
          for (const archived of bools)
            for (const scheduled of bools)
              for (const approvedNotPublished of bools)
                for (const hasReason of bools)
                  for (const override of bools)
                    for (const onDesk of bools)
                      for (const editedSinceApproval of bools) yield { role, isAuthor, editorialState, publicationState, archived, scheduled, approvedNotPublished, hasReason, override, onDesk, editedSinceApproval };
}

describe('the workflow tables', () => {
  it('agree with the spec for every action and every combination of facts', () => {
    let checked = 0;
    for (const action of [...editorialActions, ...publicationActions]) {
      const rule = spec[action];
      for (const facts of allFacts()) {
        const expected = (action === 'restore' || !facts.archived) && rule.who(facts) && rule.from(facts) && (rule.also?.(facts) ?? true);
        const decision = decide(action, facts);
        if (decision.allowed !== expected) throw new Error(`${action} ${JSON.stringify(facts)}: expected ${expected}, got ${JSON.stringify(decision)}`);
        if (decision.allowed) expect(decision).toEqual({ allowed: true, ...rule.to });
        checked += 1;
      }
    }
    expect(checked).toBe(12 * 3 * 2 * 4 * 4 * 2 * 2 * 2 * 2 * 2 * 2 * 2);
    // 147,456 decisions: about a second alone, several on two cores shared with a build.
  }, 30_000);

  const base: WorkflowFacts = {
    role: 'editor',
    isAuthor: false,
    editorialState: 'in_review',
    publicationState: 'unpublished',
    archived: false,
    scheduled: false,
    approvedNotPublished: false,
    hasReason: false,
    override: false,
    onDesk: true,
    editedSinceApproval: false,
  };

  it('names why a transition is refused', () => {
    expect(decide('approve', { ...base, isAuthor: true })).toEqual({ allowed: false, reason: 'fourEyes' });
    expect(decide('approve', { ...base, role: 'writer' })).toEqual({ allowed: false, reason: 'role' });
    expect(decide('request_changes', base)).toEqual({ allowed: false, reason: 'reasonRequired' });
    expect(decide('withdraw', base)).toEqual({ allowed: false, reason: 'notAuthor' });
    expect(decide('publish', base)).toEqual({ allowed: false, reason: 'nothingApproved' });
    expect(decide('take_down', { ...base, publicationState: 'published' })).toEqual({ allowed: false, reason: 'reasonRequired' });
    expect(decide('archive', { ...base, publicationState: 'published' })).toEqual({ allowed: false, reason: 'liveOrScheduled' });
    expect(decide('submit', { ...base, archived: true, editorialState: 'draft' })).toEqual({ allowed: false, reason: 'archived' });
    expect(decide('unschedule', base)).toEqual({ allowed: false, reason: 'notScheduled' });
    expect(decide('approve', { ...base, onDesk: false })).toEqual({ allowed: false, reason: 'desk' });
    expect(decide('take_down', { ...base, onDesk: false, publicationState: 'published', hasReason: true })).toEqual({ allowed: false, reason: 'desk' });
    expect(decide('submit', { ...base, onDesk: false, editorialState: 'draft' })).toEqual({ allowed: false, reason: 'desk' });
    expect(decide('approve', { ...base, editedSinceApproval: true })).toEqual({ allowed: false, reason: 'editedSinceApproval' });
  });

  it('lets the authors submit and withdraw their story off the desk too', () => {
    expect(decide('submit', { ...base, role: 'writer', isAuthor: true, onDesk: false, editorialState: 'draft' }).allowed).toBe(true);
    expect(decide('withdraw', { ...base, role: 'writer', isAuthor: true, onDesk: false }).allowed).toBe(true);
  });

  it('lets an admin approve a change they made only with a recorded reason', () => {
    const edited = { ...base, role: 'admin' as const, editedSinceApproval: true };
    expect(decide('approve', edited).allowed).toBe(false);
    expect(decide('approve', { ...edited, override: true, hasReason: true })).toEqual({ allowed: true, editorialState: 'approved' });
  });

  it('lets an admin approve their own story only with a recorded reason', () => {
    const own = { ...base, role: 'admin' as const, isAuthor: true };
    expect(decide('approve', own).allowed).toBe(false);
    expect(decide('approve', { ...own, override: true }).allowed).toBe(false);
    expect(decide('approve', { ...own, override: true, hasReason: true })).toEqual({ allowed: true, editorialState: 'approved' });
    expect(decide('approve', { ...own, role: 'editor', override: true, hasReason: true }).allowed).toBe(false);
  });

  it('takes a story down whatever its working copy is doing', () => {
    for (const editorialState of editorialStates) {
      expect(decide('take_down', { ...base, editorialState, publicationState: 'published', hasReason: true })).toEqual({ allowed: true, publicationState: 'taken_down' });
    }
  });
});
