import { prepareDatabase } from './prepare-db';

// Migrates (and seeds, both idempotent) the database the app would use.
const prepared = await prepareDatabase();
await prepared.embedded?.stop();
console.error('sahifa: migrations applied');
