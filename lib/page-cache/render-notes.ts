import { AsyncLocalStorage } from 'node:async_hooks';

// What a reader response was built from, noted while Next renders it. Our
// server (scripts/server.ts) runs Next's handler inside collectNotes():
// - every tagged reader read calls recordTags(), so the response cache stores
//   the page under exactly the tags that expire its data;
// - a page that settles on 404 or 410 calls recordStatus(), and our server
//   answers with that status. (notFound() in a page under a route group's
//   root layout renders an empty error shell in Next 16, and the App Router
//   has no 410 at all; this way both are ordinary pages in the site's layout.)
// The server and Next's bundle load this module separately, so the one
// AsyncLocalStorage lives on globalThis.

export type RenderNotes = { tags: Set<string>; status?: 404 | 410 };

const KEY = Symbol.for('sahifa.renderNotes');
type Holder = { [KEY]?: AsyncLocalStorage<RenderNotes> };

function storage(): AsyncLocalStorage<RenderNotes> {
  const holder = globalThis as Holder;
  holder[KEY] ??= new AsyncLocalStorage<RenderNotes>();
  return holder[KEY];
}

/** Notes that the current response depends on these tags; a no-op outside our server. */
export function recordTags(tags: readonly string[]): void {
  const notes = storage().getStore();
  if (notes) for (const tag of tags) notes.tags.add(tag);
}

/** The status the current page settles on, in place of Next's 200. */
export function recordStatus(status: 404 | 410): void {
  const notes = storage().getStore();
  if (notes) notes.status = status;
}

/** Runs `fn` with fresh notes, returned alongside so the caller can read them once the response is done. */
export function collectNotes<T>(fn: (notes: RenderNotes) => T): { result: T; notes: RenderNotes } {
  const notes: RenderNotes = { tags: new Set() };
  return { result: storage().run(notes, () => fn(notes)), notes };
}

/** For a response Next streams straight out (development): the noted status replaces Next's 200 as the head is written. */
export function applyNotedStatus(res: { writeHead: (status: number, ...rest: never[]) => unknown }, notes: RenderNotes): void {
  const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => unknown;
  res.writeHead = ((status: number, ...rest: unknown[]) => writeHead(status === 200 && notes.status ? notes.status : status, ...rest)) as typeof res.writeHead;
}
