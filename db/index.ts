import { drizzle } from 'drizzle-orm/postgres-js';
import postgres, { type Sql } from 'postgres';
import { getEnv } from '@/lib/env';
import { metrics } from '@/lib/metrics/registry';
import { databaseUnavailableInRequest, noteDatabaseError } from './availability';
import * as schema from './schema';

export type Database = ReturnType<typeof createDb>['db'];
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** A database handle or an open transaction: what lower-level writers accept. */
export type Executor = Database | Transaction;

export type DbOptions = {
  max?: number;
  /** Seconds to wait for a connection to be ready (postgres.js waits 30 by default). */
  connectTimeoutS?: number;
  /**
   * A statement's deadline: the server cancels it (statement_timeout), and the
   * client gives up on it too, since a server that hangs cancels nothing.
   */
  statementTimeoutMs?: number;
  /** Sees every statement sent (postgres.js `debug`): benchmarks list what a render runs. */
  debug?: (connection: number, query: string) => void;
};

export class DatabaseTimeoutError extends Error {
  readonly code = 'SAHIFA_DB_TIMEOUT';
  constructor(ms: number | null) {
    super(ms === null ? 'the database did not answer earlier in this request' : `the database did not answer within ${ms} ms`);
  }
}

type Pending = PromiseLike<unknown> & { cancel?: () => unknown };

/**
 * A postgres.js query is a lazy promise: it runs when first awaited. Its then()
 * is replaced by one that races a timer; on time-out the query is cancelled
 * (dropped from the queue if it never left, or a cancel request sent), so a
 * write the caller gave up on does not land later when the server wakes.
 */
function withDeadline<T extends Pending>(query: T, ms: number): T {
  const then = query.then;
  query.then = function timedThen(onFulfilled, onRejected) {
    const { dbInFlight, dbTimeouts } = metrics();
    const timed = new Promise((resolve, reject) => {
      // A request waits for a silent database once: its later reads fail at once, so the 503 comes within one deadline.
      if (databaseUnavailableInRequest()) return reject(new DatabaseTimeoutError(null));
      dbInFlight.inc();
      const settle = () => (clearTimeout(timer), dbInFlight.dec());
      const timer = setTimeout(() => {
        query.cancel?.();
        dbInFlight.dec();
        reject(new DatabaseTimeoutError(ms));
      }, ms);
      then.call(query, (value) => (settle(), resolve(value)), (error: unknown) => (settle(), reject(error)));
    });
    return timed
      .then(undefined, (error: unknown) => {
        if (noteDatabaseError(error)) dbTimeouts.inc();
        throw error;
      })
      .then(onFulfilled, onRejected) as ReturnType<T['then']>;
  } as T['then'];
  return query;
}

/** Gives every statement Drizzle sends, in transactions too, the client-side deadline. */
function timed<S extends Sql>(sql: S, ms: number): S {
  return new Proxy(sql, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (property === 'unsafe') return (...args: unknown[]) => withDeadline((value as (...a: unknown[]) => Pending).apply(target, args), ms);
      if (property === 'begin' || property === 'savepoint') {
        // begin(cb) or begin(mode, cb): the transaction's own handle gets the deadline too.
        return (...args: unknown[]) => {
          const callback = args.pop() as (tx: Sql) => unknown;
          return (value as (...a: unknown[]) => unknown).call(target, ...args, (tx: Sql) => callback(timed(tx, ms)));
        };
      }
      return value;
    },
  });
}

export function createDb(url: string, options: DbOptions = {}) {
  const client = postgres(url, {
    max: options.max ?? 10,
    ...(options.connectTimeoutS ? { connect_timeout: options.connectTimeoutS } : {}),
    // Quiet the "relation already exists, skipping" notices of idempotent DDL.
    onnotice: () => {},
    ...(options.debug ? { debug: options.debug } : {}),
    connection: { application_name: 'sahifa', ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}) },
  });
  const driver = options.statementTimeoutMs ? timed(client, options.statementTimeoutMs) : client;
  return { db: drizzle(driver, { schema, casing: 'snake_case' }), client };
}

// One pool per process, kept on globalThis so dev-mode module reloads reuse it.
const globalForDb = globalThis as unknown as { sahifaDb?: ReturnType<typeof createDb> };

export function getDb(): Database {
  return getPool().db;
}

/** The app's pool and its raw client (for metrics and shutdown). */
export function getPool(): ReturnType<typeof createDb> {
  if (!globalForDb.sahifaDb) {
    const env = getEnv();
    if (!env.DATABASE_URL) {
      throw new Error('DATABASE_URL is not set: start the app with `npm run dev` or `npm start`, which provide one');
    }
    globalForDb.sahifaDb = createDb(env.DATABASE_URL, {
      max: env.DATABASE_POOL_MAX,
      connectTimeoutS: env.DATABASE_CONNECT_TIMEOUT_S,
      statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    });
    metrics().dbPoolMax.set(env.DATABASE_POOL_MAX);
  }
  return globalForDb.sahifaDb;
}
