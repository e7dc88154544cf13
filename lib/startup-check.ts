import { checkDatabase } from '@/db/connect-check';
import { assertServerEnv, getEnv } from './env';

// A production server without its secrets, or with a database it cannot
// reach, stops here with one line instead of answering 500s later.
export async function checkServerStartup(): Promise<void> {
  const problem =
    assertServerEnv() ??
    (getEnv().DATABASE_URL
      ? await checkDatabase(getEnv().DATABASE_URL as string)
      : 'DATABASE_URL is not set: start with `npm start` or `npm run dev`, which provide one');
  if (problem) {
    console.error(`sahifa: ${problem}`);
    process.exit(1);
  }
}
