import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '@/db/migrate';
import { installJobQueue } from '@/lib/jobs/runner';
import { acquireTestServer, createDatabase, dropDatabase, uniqueDatabaseName } from './db-server';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    databaseUrl: string;
  }
}

// One fresh, migrated database per integration run, dropped afterwards.
export default async function setup(project: TestProject) {
  const server = await acquireTestServer();
  const name = uniqueDatabaseName('sahifa_int');
  const databaseUrl = await createDatabase(server.adminUrl, name);
  await migrateDatabase(databaseUrl);
  await installJobQueue(databaseUrl);
  project.provide('adminUrl', server.adminUrl);
  project.provide('databaseUrl', databaseUrl);
  return async () => {
    await dropDatabase(server.adminUrl, name);
    await server.release();
  };
}
