import { assertServerEnv } from '@/lib/env';
import { fail, prepareDatabase } from './prepare-db';
import { spawnForwarding } from './spawn-next';

// Usage: tsx scripts/with-db.ts [--demo] -- <command> [args…]
// Prepares the database (embedded unless DATABASE_URL is set), then runs the
// command with DATABASE_URL set, and stops the embedded server when it exits.

const args = process.argv.slice(2);
const separator = args.indexOf('--');
const flags = separator === -1 ? [] : args.slice(0, separator);
const command = separator === -1 ? args : args.slice(separator + 1);
if (command.length === 0) fail('usage: with-db [--demo] -- <command> [args…]');
if (flags.includes('--demo')) process.env.SEED_DEMO ??= 'true';

const isNextStart = command[0] === 'next' && command[1] === 'start';
if (isNextStart) {
  Object.assign(process.env, { NODE_ENV: 'production' });
  const problem = assertServerEnv();
  if (problem) fail(problem);
}

const started = Date.now();
const prepared = await prepareDatabase();
console.error(
  `sahifa: database ready in ${Date.now() - started} ms (${prepared.embedded ? `embedded, ${prepared.embedded.dataDir}` : 'DATABASE_URL'})` +
    `${prepared.seed.story ? ', seed story published' : ''}${prepared.seed.demoAccounts ? `, ${prepared.seed.demoAccounts} demo accounts` : ''}`,
);

spawnForwarding(command, { ...process.env, DATABASE_URL: prepared.url }, async () => {
  await prepared.embedded?.stop();
});
