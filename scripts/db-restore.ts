import { existsSync } from 'node:fs';
import path from 'node:path';
import { restore } from '@/db/backup';
import { fail, localMediaDir, prepareDatabase } from './prepare-db';

// Usage: npm run db:restore -- file.tar.gz
// Into an empty install only: a fresh DATA_DIR (embedded) or an empty
// database (DATABASE_URL), with the app stopped. The schema comes from this
// version's migrations, so restore with the version that made the backup.

const arg = process.argv[2];
if (!arg) fail('usage: npm run db:restore -- <backup.tar.gz>');
const file = path.resolve(arg);
if (!existsSync(file)) fail(`no such file: ${file}`);
const started = Date.now();
const prepared = await prepareDatabase({ seed: false });
let problem: string | null = null;
try {
  const manifest = await restore({ url: prepared.url, mediaDir: localMediaDir(), file });
  console.error(`sahifa: restored ${file} (made ${manifest.createdAt}) in ${Date.now() - started} ms: ${manifest.tables.length} tables, ${manifest.media.files} media files`);
} catch (error) {
  problem = `restore failed: ${error instanceof Error ? error.message : String(error)}`;
} finally {
  // Stopped before the exit, so no orphaned server is left behind.
  await prepared.embedded?.stop();
}
if (problem) fail(problem);
