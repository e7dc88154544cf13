import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from '@/db/schema';
import { migrateDatabase } from '@/db/migrate';
import { ensureSection } from '@/db/seed';
import { createStaff } from '@/test/staff';
import { createDatabase, dropDatabase, LOCAL_ADMIN_URL, uniqueDatabaseName } from '@/test/db-server';

// npx tsx --conditions=react-server scripts/count-save-statements.ts
// Counts the SQL statements one editor save sends to Postgres, through the
// postgres.js debug hook, on a fresh database of its own: an autosave of a
// draft with a byline and two tags, and a save of an approved story (which
// also compares with the approved revision). BEGIN/COMMIT are counted too.

const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? LOCAL_ADMIN_URL;
const name = uniqueDatabaseName('sahifa_count');
const url = await createDatabase(adminUrl, name);
await migrateDatabase(url);
let counting = false;
const statements: string[] = [];
const client = postgres(url, { max: 2, onnotice: () => {}, debug: (_connection, query) => void (counting && statements.push(query)) });
const db = drizzle(client, { schema, casing: 'snake_case' });
// The app's pool is kept on globalThis (db/index.ts): this one, with its hook, takes its place.
(globalThis as unknown as { sahifaDb: unknown }).sahifaDb = { db, client };

const { createStory, getStoryForEditor } = await import('@/lib/stories/working-copy');
const { saveStory } = await import('@/lib/stories/save');
const { transition } = await import('@/lib/stories/transitions');
const { contentOf } = await import('@/test/stories');
try {
  const writer = await createStaff(db, 'writer');
  const editor = await createStaff(db, 'editor');
  const sectionId = await db.transaction((tx) => ensureSection(tx, 'economy', 'اقتصاد'));
  const id = await createStory(writer);
  const draft = async () => (await getStoryForEditor(writer, id))!.story;
  const patch = { headline: 'عنوان للعد', sectionId, slug: `count-${id.slice(0, 8)}`, tags: ['اقتصاد', 'طاقة'], body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'نص' }] }] } };
  await saveStory(writer, id, contentOf(await draft(), patch), { kind: 'save' });

  const measure = async (label: string, run: () => Promise<unknown>) => {
    statements.length = 0;
    counting = true;
    await run();
    counting = false;
    console.log(`${label}: ${statements.length} statements`);
    if (process.env.VERBOSE) for (const s of statements) console.log(`  ${s.slice(0, 140)}`);
  };
  const before = await draft();
  await measure('autosave of a draft (1 byline, 2 tags)', () => saveStory(writer, id, contentOf(before, { standfirst: 'مقدمة' }), { kind: 'autosave' }));
  await transition(writer, id, { action: 'submit' });
  const submitted = await draft();
  const approved = await transition(editor, id, { action: 'approve', expectedVersion: submitted.version, acknowledge: true });
  if (!approved.ok) throw new Error(`approve refused: ${JSON.stringify(approved)}`);
  const current = (await getStoryForEditor(editor, id))!.story;
  await measure('save of an approved story (compared with the approval)', () => saveStory(editor, id, contentOf(current, { standfirst: 'مقدمة أخرى' }), { kind: 'save' }));
} finally {
  await client.end();
  await dropDatabase(adminUrl, name);
}
process.exit(0);
