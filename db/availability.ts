import { AsyncLocalStorage } from 'node:async_hooks';
import { isDatabaseUnavailable } from '@/lib/dal';

// Whether the database failed to answer during the current request, so the
// server can say 503 (try again) instead of 500 (our bug). scripts/server.ts
// opens one scope per request; the app's database client marks it. The two
// load this file as separate modules (the compiled server's, Next's bundle for
// the app), so the store lives on globalThis.

type RequestState = { databaseUnavailable: boolean };
const shared = globalThis as unknown as { sahifaRequestState?: AsyncLocalStorage<RequestState> };
const store = (shared.sahifaRequestState ??= new AsyncLocalStorage<RequestState>());

export function runRequest<T>(fn: () => T): T {
  return store.run({ databaseUnavailable: false }, fn);
}

export function databaseUnavailableInRequest(): boolean {
  return store.getStore()?.databaseUnavailable ?? false;
}

/** Marks the request when the error means the database is not answering; says whether it did. */
export function noteDatabaseError(error: unknown): boolean {
  if (!isDatabaseUnavailable(error)) return false;
  const state = store.getStore();
  if (state) state.databaseUnavailable = true;
  return true;
}
