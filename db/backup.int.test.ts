import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureSection } from '@/db/seed';
import { paragraphsToDoc } from '@/lib/content/document';
import { addComment } from '@/lib/comments/comments';
import { installJobQueue } from '@/lib/jobs/runner';
import { DEFAULT_LIMITS } from '@/lib/media/limits';
import { makeRenditions } from '@/lib/media/renditions-job';
import { createLocalStorage } from '@/lib/media/storage';
import { storeUpload } from '@/lib/media/upload';
import { saveStory } from '@/lib/stories/save';
import { createStory, getStoryForEditor } from '@/lib/stories/working-copy';
import { scheduleStory, transition } from '@/lib/stories/transitions';
import { connectTestDb } from '@/test/db';
import { createDatabase, dropDatabase, uniqueDatabaseName } from '@/test/db-server';
import { photo } from '@/test/media-files';
import { createStaff } from '@/test/staff';
import { contentOf } from '@/test/stories';
import { backup, restore } from './backup';
import { migrateDatabase } from './migrate';

// Backup and restore of a populated install, compared table by table and file
// by file: the source is this run's database (everything the other test
// files wrote, plus what this one adds: users, an illustrated story published
// after two saves, a comment, a scheduled story) and a media folder.

const { db, client } = connectTestDb();
const adminUrl = inject('adminUrl');
const sourceUrl = inject('databaseUrl');
const root = mkdtempSync(path.join(os.tmpdir(), 'sahifa-backup-int-'));
chmodSync(root, 0o755);
const sourceMedia = path.join(root, 'source-media');
const targetMedia = path.join(root, 'target-media');
const file = path.join(root, 'install.tar.gz');
const targetName = uniqueDatabaseName('sahifa_restore');
let targetUrl: string;

beforeAll(async () => {
  const writer = await createStaff(db, 'writer');
  const editor = await createStaff(db, 'editor');
  const sectionId = await db.transaction((tx) => ensureSection(tx, 'backup-desk', 'نسخ'));
  const storage = createLocalStorage(sourceMedia);
  const upload = await storeUpload(writer, { fileName: 'photo.jpg', data: await photo(900, 600) }, { storage, limits: DEFAULT_LIMITS });
  if (!upload.ok) throw new Error('upload refused');
  expect(await makeRenditions({ mediaId: upload.item.id }, { storage, limits: DEFAULT_LIMITS })).toBe('ready');

  const story = async (label: string) => {
    const id = await createStory(writer);
    const draft = (await getStoryForEditor(writer, id))!.story;
    const body = { type: 'doc', content: [...paragraphsToDoc(['مسودة أولى']).content!, { type: 'figure', attrs: { mediaId: upload.item.id, alt: 'صورة', caption: '', credit: '' } }] };
    await saveStory(writer, id, contentOf(draft, { headline: `${label} أول`, slug: `${label}-${id.slice(0, 8)}`, sectionId, body }));
    const saved = (await getStoryForEditor(writer, id))!.story;
    // A long paragraph: a table's COPY past 16 KB once hung the backup (db/backup.ts, copyOut).
    await saveStory(writer, id, contentOf(saved, { headline: `${label} نهائي`, body: { ...body, content: [...paragraphsToDoc(['النص النهائي للخبر', 'فقرة طويلة من الخبر. '.repeat(1500)]).content!, body.content[1]!] } }));
    expect((await addComment(editor, { storyId: id, body: 'ملاحظة من المحرر' })).ok).toBe(true);
    await transition(writer, id, { action: 'submit' });
    await transition(editor, id, { action: 'approve', expectedVersion: (await getStoryForEditor(editor, id))!.story.version, acknowledge: true });
    return id;
  };
  expect((await transition(editor, await story('nashr'), { action: 'publish', acknowledge: true })).ok).toBe(true);
  expect((await scheduleStory(editor, await story('jadwal'), new Date(Date.now() + 86_400_000), { acknowledge: true })).ok).toBe(true);

  targetUrl = await createDatabase(adminUrl, targetName);
  await migrateDatabase(targetUrl);
  await installJobQueue(targetUrl);
});

afterAll(async () => {
  await client.end();
  await dropDatabase(adminUrl, targetName);
  rmSync(root, { recursive: true, force: true });
});

/** Every row of a table, as Postgres prints it (text output: byte-exact for jsonb, timestamps, bytea). */
async function rowsOf(url: string, table: string, row = 't::text'): Promise<string[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql.unsafe<{ row: string }[]>(`select ${row} as row from ${table} t order by 1`);
    return rows.map((r) => r.row);
  } finally {
    await sql.end();
  }
}

function filesOf(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(folder, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
  }
  return files;
}

describe('backup and restore', () => {
  // The source is the run's database: test/backup-first-sequencer.ts runs this file first, while it is small.
  it('restores the database and the media of a populated install, identical', { timeout: 240_000 }, async () => {
    const made = await backup({ url: sourceUrl, mediaDir: sourceMedia, file });
    expect(made.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['public.stories', 'public.story_revisions', 'public.published_stories', 'public.review_comments', 'public.media', 'public.users', 'graphile_worker._private_jobs']));
    expect(made.media).toEqual({ storage: 'local', files: Object.keys(filesOf(sourceMedia)).length });

    await restore({ url: targetUrl, mediaDir: targetMedia, file });

    for (const table of made.tables) {
      const [source, target] = await Promise.all([rowsOf(sourceUrl, table.name), rowsOf(targetUrl, table.name)]);
      expect(target, table.name).toEqual(source);
    }
    // The search vocabulary is not in the file: the restored projection rebuilt it, word for word.
    expect(made.tables.map((t) => t.name)).not.toContain('public.search_words');
    expect(await rowsOf(targetUrl, 'public.search_words')).toEqual(await rowsOf(sourceUrl, 'public.search_words'));
    // The scheduled story's job is there, due at the same time.
    const jobs = await rowsOf(targetUrl, 'graphile_worker._private_jobs');
    expect(jobs.some((row) => row.includes('publish'))).toBe(true);
    // Sequences continue where they were: the next job or audit row does not collide with a restored one.
    const state = "last_value || ' ' || is_called";
    for (const sequence of made.sequences) {
      expect(await rowsOf(targetUrl, sequence.name, state), sequence.name).toEqual(await rowsOf(sourceUrl, sequence.name, state));
    }
    expect(made.sequences.some((sequence) => sequence.isCalled)).toBe(true);
    expect(filesOf(targetMedia)).toEqual(filesOf(sourceMedia));
    expect(Object.keys(filesOf(targetMedia)).length).toBeGreaterThan(1);
  });

  it('refuses to restore over data', async () => {
    await expect(restore({ url: targetUrl, mediaDir: path.join(root, 'empty-media'), file })).rejects.toThrow(/already has rows: restore into an empty database/);
  });
});
