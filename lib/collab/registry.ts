import type { Hocuspocus } from '@hocuspocus/server';

// The co-editing server of this process, where route handlers and server
// actions (bundled by Next apart from scripts/server.ts, so not sharing its
// modules) can reach it: a restore changes a document its clients hold.

const KEY = Symbol.for('sahifa.collab');
type Holder = { [KEY]?: Hocuspocus };

export function registerCollab(instance: Hocuspocus | undefined): void {
  (globalThis as Holder)[KEY] = instance;
}

export function runningCollab(): Hocuspocus | undefined {
  return (globalThis as Holder)[KEY];
}
