import { dropDatabase, LOCAL_ADMIN_URL } from '@/test/db-server';

// The e2e server drops its database when it is stopped; this makes sure of it
// even when it could not (killed outright), so no run leaves a database behind.
// (On an embedded server the whole cluster goes with the e2e server anyway.)
export default async function globalTeardown() {
  const name = process.env.E2E_DB_NAME;
  if (!name) return;
  await dropDatabase(process.env.TEST_DATABASE_ADMIN_URL ?? LOCAL_ADMIN_URL, name).catch(() => {});
}
