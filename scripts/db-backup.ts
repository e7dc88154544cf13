import path from 'node:path';
import { backup } from '@/db/backup';
import { connectDatabase, fail, localMediaDir } from './prepare-db';

// Usage: npm run db:backup [-- file.tar.gz]
// The database (embedded or DATABASE_URL; the app may keep running) and the
// local media, into one file. With MEDIA_STORAGE=s3 the bucket is not in it:
// back the bucket up with the object store's own tools.

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const file = path.resolve(process.argv[2] ?? `sahifa-backup-${stamp}.tar.gz`);
const started = Date.now();
const database = await connectDatabase();
let problem: string | null = null;
try {
  const manifest = await backup({ url: database.url, mediaDir: localMediaDir(), file });
  const rows = manifest.tables.length;
  console.error(
    `sahifa: backup written to ${file} in ${Date.now() - started} ms: ${rows} tables, ` +
      (manifest.media.storage === 'local' ? `${manifest.media.files} media files` : 'media in S3 not included (back the bucket up separately)'),
  );
} catch (error) {
  problem = `backup failed: ${error instanceof Error ? error.message : String(error)}`;
} finally {
  // Stopped before the exit, so no orphaned server is left behind.
  await database.embedded?.stop();
}
if (problem) fail(problem);
