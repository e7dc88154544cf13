import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { assertServerEnv } from '@/lib/env';
import { fail, prepareDatabase } from './prepare-db';

// Usage: tsx scripts/with-db.ts [--demo] -- <command> [args…]
// Prepares the database (embedded unless DATABASE_URL is set), then runs the
// command with DATABASE_URL set, and stops the embedded server when it exits.
// `next` as the command runs Next's own binary directly, so a stop signal
// reaches the server process itself rather than an npx wrapper.

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

const [bin, ...rest] = command as [string, ...string[]];
const executable = bin === 'next' ? process.execPath : bin;
const childArgs = bin === 'next' ? [createRequire(import.meta.url).resolve('next/dist/bin/next'), ...rest] : rest;
const child = spawn(executable, childArgs, { stdio: 'inherit', env: { ...process.env, DATABASE_URL: prepared.url } });

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    stopping = true;
    child.kill(signal);
  });
}

child.on('exit', async (code, signal) => {
  await prepared.embedded?.stop().catch(() => {});
  process.exit(code ?? (stopping || signal ? 0 : 1));
});
