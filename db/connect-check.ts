import postgres from 'postgres';
import { describeDatabaseUrl } from '@/lib/env';

const MIN_SERVER_VERSION = 150000;

/**
 * Checks that DATABASE_URL reaches a PostgreSQL 15+ server. Returns null when
 * it does, or one line naming the variable and the host when it does not.
 */
export async function checkDatabase(url: string): Promise<string | null> {
  const where = describeDatabaseUrl(url);
  let client: postgres.Sql;
  try {
    client = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  } catch (error) {
    return `DATABASE_URL is malformed (${where}): ${error instanceof Error ? error.message : String(error)}`;
  }
  try {
    const [row] = await client<{ server_version_num: string }[]>`show server_version_num`;
    const version = Number(row?.server_version_num ?? 0);
    if (version < MIN_SERVER_VERSION) return `DATABASE_URL points at PostgreSQL ${version} on ${where}; Sahifa needs 15 or newer`;
    return null;
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (code === '3D000') return `DATABASE_URL names a database that does not exist on ${where}`;
    const reason = code || (error instanceof Error ? error.message : String(error));
    return `DATABASE_URL: cannot reach PostgreSQL at ${where} (${reason})`;
  } finally {
    await client.end({ timeout: 1 }).catch(() => {});
  }
}
