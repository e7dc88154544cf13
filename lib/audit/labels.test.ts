import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { actionLabelKey, changedFields } from './labels';

const catalogue = (locale: string) => JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')).audit.actions as Record<string, string>;
// Every action recorded in lib/ (grep "action: '" in recordAudit calls), so a new one without a label fails here.
const ACTIONS = ['account.password', 'account.profile', 'auth.lockout', 'auth.sign_in', 'front.update', 'media.delete', 'media.edit', 'settings.checklist', 'settings.site', 'user.accept_invitation', 'user.create', 'user.deactivate', 'user.invite', 'user.password_reset_link', 'user.reactivate', 'user.reset_password', 'user.role', 'user.sign_out_everywhere'];

describe('audit labels', () => {
  it('has an Arabic and an English label for every action', () => {
    for (const locale of ['ar', 'en']) {
      const labels = catalogue(locale);
      for (const action of ACTIONS) expect(labels[actionLabelKey(action).slice('actions.'.length)], `${locale} ${action}`).toBeTruthy();
    }
    expect(catalogue('ar').user_deactivate).toBe('تعطيل حساب');
  });

  it('lists only the fields that changed, as text', () => {
    expect(changedFields({ role: 'writer', status: 'active' }, { role: 'editor', status: 'active' })).toEqual([{ field: 'role', before: 'writer', after: 'editor' }]);
    expect(changedFields(null, { expiresAt: '2026-12-06T10:00:00Z' })).toEqual([{ field: 'expiresAt', before: '—', after: '2026-12-06T10:00:00Z' }]);
    expect(changedFields({ tags: ['a'] }, { tags: ['a', 'b'] })).toEqual([{ field: 'tags', before: '["a"]', after: '["a","b"]' }]);
    expect(changedFields(undefined, undefined)).toEqual([]);
  });
});
