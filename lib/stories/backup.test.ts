import { describe, expect, it } from 'vitest';
import { paragraphsToDoc } from '@/lib/content/document';
import { BACKUP_MAX_AGE_MS, backupKey, backupPrefix, checkBackup } from './backup';

const now = Date.parse('2026-11-29T10:00:00Z');
const meta = { kicker: '', headline: 'عنوان', standfirst: '', language: 'ar', slug: '', sectionId: null, seoTitle: '', seoDescription: '', tags: [], bylines: [] };
const backup = (patch: Record<string, unknown> = {}) => ({ storyId: 's1', baseVersion: 3, savedAt: now - 1_000, meta, body: paragraphsToDoc(['نص لم يُحفظ']), ...patch });

describe('backup keys', () => {
  it('key by story and base version, under a per-story prefix', () => {
    expect(backupKey('s1', 3)).toBe('story:s1@3');
    expect(backupKey('s1', 3).startsWith(backupPrefix('s1'))).toBe(true);
    expect(backupKey('s10', 3).startsWith(backupPrefix('s1'))).toBe(false);
  });
});

describe('checkBackup', () => {
  it('accepts a well-formed recent backup of this story', () => {
    expect(checkBackup(backup(), 's1', now)).toMatchObject({ storyId: 's1', baseVersion: 3 });
  });

  it('discards another story’s, an expired, a malformed, a huge or a corrupt backup', () => {
    expect(checkBackup(backup(), 's2', now)).toBeNull();
    expect(checkBackup(backup({ savedAt: now - BACKUP_MAX_AGE_MS - 1 }), 's1', now)).toBeNull();
    expect(checkBackup(backup({ baseVersion: '3' }), 's1', now)).toBeNull();
    expect(checkBackup(backup({ meta: null }), 's1', now)).toBeNull();
    expect(checkBackup(backup({ body: paragraphsToDoc(['ب'.repeat(2_100_000)]) }), 's1', now)).toBeNull();
    expect(checkBackup(backup({ body: { type: 'doc', content: [{ type: 'script' }] } }), 's1', now)).toBeNull();
    expect(checkBackup('not an object', 's1', now)).toBeNull();
    expect(checkBackup(null, 's1', now)).toBeNull();
  });
});
