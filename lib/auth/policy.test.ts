import { describe, expect, it } from 'vitest';
import { DEFAULT_REQUIRED_ROLES, mustEnrol } from './policy';

describe('second-factor policy', () => {
  const on = { required: true, roles: DEFAULT_REQUIRED_ROLES };
  it('holds admins and editors without a factor once turned on, never writers by default', () => {
    expect(mustEnrol(on, 'admin', false)).toBe(true);
    expect(mustEnrol(on, 'editor', false)).toBe(true);
    expect(mustEnrol(on, 'writer', false)).toBe(false);
  });
  it('lets anyone with a factor through, and everyone while the policy is off', () => {
    expect(mustEnrol(on, 'admin', true)).toBe(false);
    expect(mustEnrol({ ...on, required: false }, 'admin', false)).toBe(false);
  });
  it('follows the roles the site chose', () => {
    expect(mustEnrol({ required: true, roles: ['writer'] }, 'writer', false)).toBe(true);
    expect(mustEnrol({ required: true, roles: ['writer'] }, 'admin', false)).toBe(false);
  });
});
