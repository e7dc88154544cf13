import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createDb } from '@/db/index';
import { createUserFromCli } from '@/lib/users/bootstrap';
import messages from '@/messages/en.json';
import { fail, prepareDatabase } from './prepare-db';

// npm run user:create -- --email chief@example.com --name "رئيسة التحرير" --role admin
// The password comes from SAHIFA_PASSWORD, or is asked for without echo.

const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'admin' } },
});

async function askHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) fail('no terminal to ask for a password: set SAHIFA_PASSWORD');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (text: string) => void; output: NodeJS.WriteStream };
  let prompted = false;
  output._writeToOutput = (text: string) => {
    if (!prompted) {
      process.stdout.write(text);
      prompted = true;
    }
  };
  const answer = await new Promise<string>((resolve) => rl.question(question, resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

function explain(key: string): string {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
  return typeof value === 'string' ? value : key;
}

const password = process.env.SAHIFA_PASSWORD ?? (await askHidden('Password (at least 12 characters): '));
const prepared = await prepareDatabase();
const { db, client } = createDb(prepared.url, { max: 1 });
try {
  const outcome = await createUserFromCli(db, { email: values.email, name: values.name, role: values.role, password });
  if (!outcome.ok) {
    for (const [field, key] of Object.entries(outcome.fieldErrors ?? {})) console.error(`--${field === 'displayName' ? 'name' : field}: ${explain(key)}`);
    process.exitCode = 1;
  } else {
    console.log(`created ${values.role} ${values.email} (${outcome.data.id})`);
  }
} finally {
  await client.end();
  await prepared.embedded?.stop();
}
