import { createServer, type Server, type Socket } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { databaseUnavailableInRequest, runRequest } from './availability';
import { createDb } from './index';

// The pool's deadlines, against the real server and against a "server" that
// accepts connections and never answers (what a frozen postmaster looks like).

const opened: { end: (options?: { timeout?: number }) => Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(opened.map((client) => client.end({ timeout: 1 })));
});

function open(url: string, options: Parameters<typeof createDb>[1]) {
  const handle = createDb(url, options);
  opened.push(handle.client);
  return handle.db;
}

async function elapsed<T>(work: () => Promise<T>): Promise<{ ms: number; error: unknown }> {
  const started = Date.now();
  const error = await work().then(
    () => null,
    (caught: unknown) => caught,
  );
  return { ms: Date.now() - started, error };
}

describe('database deadlines', () => {
  it('cancels a statement that runs past the statement timeout, on the server', async () => {
    const db = open(inject('databaseUrl'), { max: 1, statementTimeoutMs: 300 });
    const { ms, error } = await elapsed(() => db.execute(sql`select pg_sleep(3)`));
    expect(ms).toBeLessThan(1_500);
    expect(['57014', 'SAHIFA_DB_TIMEOUT']).toContain((error as { code?: string } | null)?.code ?? (error as { cause?: { code?: string } })?.cause?.code);
    // The connection is usable afterwards.
    expect(await db.execute(sql`select 1 as one`)).toEqual([{ one: 1 }]);
  });

  it('applies the deadline inside a transaction too', async () => {
    const db = open(inject('databaseUrl'), { max: 1, statementTimeoutMs: 300 });
    const { ms, error } = await elapsed(() => db.transaction(async (tx) => tx.execute(sql`select pg_sleep(3)`)));
    expect(ms).toBeLessThan(1_500);
    expect(error).toBeTruthy();
  });

  describe('against a server that accepts and never answers', () => {
    let silent: Server;
    const sockets: Socket[] = [];
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    });

    it('gives up connecting after the connect timeout and marks the request unavailable', async () => {
      silent = createServer((socket) => sockets.push(socket));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const port = (silent.address() as { port: number }).port;
      const db = open(`postgres://postgres@127.0.0.1:${port}/none`, { max: 1, connectTimeoutS: 1, statementTimeoutMs: 2_500 });
      const outcome = await runRequest(async () => {
        const result = await elapsed(() => db.execute(sql`select 1`));
        return { ...result, unavailable: databaseUnavailableInRequest() };
      });
      expect(outcome.ms).toBeLessThan(2_000);
      expect((outcome.error as { code?: string; cause?: { code?: string } }).cause?.code ?? (outcome.error as { code?: string }).code).toBe('CONNECT_TIMEOUT');
      expect(outcome.unavailable).toBe(true);
    });
  });
});
