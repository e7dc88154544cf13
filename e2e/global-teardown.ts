import { rmSync } from 'node:fs';
import { dropDatabase, LOCAL_ADMIN_URL } from '@/test/db-server';
import { e2eHandoffFile } from '@/test/e2e-handoff';

// The e2e server drops its database when it is stopped; this makes sure of it
// even when it could not (killed outright), so no run leaves a database or a
// handoff file behind. (On an embedded server the cluster goes with the e2e server.)
export default async function globalTeardown() {
  const name = process.env.E2E_DB_NAME;
  if (!name) return;
  await dropDatabase(process.env.TEST_DATABASE_ADMIN_URL ?? LOCAL_ADMIN_URL, name).catch(() => {});
  rmSync(e2eHandoffFile(name), { force: true });
}
