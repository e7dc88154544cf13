import { prepareDatabase } from './prepare-db';

// The seed runs inside prepareDatabase after migrations; this entry point exists so it can be run on its own.
const prepared = await prepareDatabase();
await prepared.embedded?.stop();
console.error(`sahifa: seed done (story ${prepared.seed.story ? 'published' : 'already present'}, ${prepared.seed.demoAccounts} demo accounts created)`);
