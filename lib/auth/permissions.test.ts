import { describe, expect, it } from 'vitest';
import { can, capabilities, capabilitiesOf, isRole, roles, type Actor, type Capability, type Role } from './permissions';

// The whole table, written out by hand: a change to the rules must change this test too.
const expected: Record<Capability, Record<Role, boolean>> = {
  'newsroom:enter': { writer: true, editor: true, admin: true },
  'account:manage': { writer: true, editor: true, admin: true },
  'account:secure': { writer: true, editor: true, admin: true },
  'users:manage': { writer: false, editor: false, admin: true },
  'audit:read': { writer: false, editor: false, admin: true },
  'stories:view': { writer: true, editor: true, admin: true },
  'stories:create': { writer: true, editor: true, admin: true },
  'stories:edit-any': { writer: false, editor: true, admin: true },
  'stories:review': { writer: false, editor: true, admin: true },
  'stories:publish': { writer: false, editor: true, admin: true },
  'comments:moderate': { writer: false, editor: true, admin: true },
  'stories:assign': { writer: false, editor: true, admin: true },
  'stories:change-live-slug': { writer: false, editor: true, admin: true },
  'front:manage': { writer: false, editor: true, admin: true },
  'stories:share': { writer: false, editor: true, admin: true },
  'media:upload': { writer: true, editor: true, admin: true },
  'media:edit-any': { writer: false, editor: true, admin: true },
  'media:delete': { writer: false, editor: true, admin: true },
  'sections:manage': { writer: false, editor: false, admin: true },
  'tags:manage': { writer: false, editor: true, admin: true },
  'desks:manage': { writer: false, editor: false, admin: true },
  'desks:every': { writer: false, editor: false, admin: true },
  'stories:restrict': { writer: false, editor: true, admin: true },
  'stories:view-restricted': { writer: false, editor: true, admin: true },
  'settings:manage': { writer: false, editor: false, admin: true },
  'api-keys:manage': { writer: false, editor: false, admin: true },
  'webhooks:manage': { writer: false, editor: false, admin: true },
  'imports:run': { writer: false, editor: false, admin: true },
};

const actor = (role: Role, status: Actor['status'] = 'active'): Actor => ({ id: 'u', role, status });

describe('capability table', () => {
  it('lists exactly the capabilities the test knows', () => {
    expect(Object.keys(capabilities).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const capability of Object.keys(expected) as Capability[]) {
    for (const role of roles) {
      it(`${role} ${expected[capability][role] ? 'may' : 'may not'} ${capability}`, () => {
        expect(can(actor(role), capability)).toBe(expected[capability][role]);
      });
      it(`a deactivated ${role} may not ${capability}`, () => {
        expect(can(actor(role, 'deactivated'), capability)).toBe(false);
      });
      it(`a ${role} held at second-factor enrolment ${capability === 'account:secure' ? 'may' : 'may not'} ${capability}`, () => {
        expect(can({ ...actor(role), mustEnrol: true }, capability)).toBe(capability === 'account:secure');
      });
    }
    it(`nobody anonymous may ${capability}`, () => {
      expect(can(null, capability)).toBe(false);
    });
  }

  it('lists a role’s capabilities', () => {
    expect(capabilitiesOf('writer')).toEqual(['newsroom:enter', 'account:manage', 'account:secure', 'stories:view', 'stories:create', 'media:upload']);
    expect(capabilitiesOf('admin')).toEqual(Object.keys(expected));
  });

  it('recognises roles and nothing else', () => {
    expect(roles.every(isRole)).toBe(true);
    expect(isRole('superuser')).toBe(false);
    expect(isRole('Admin')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
