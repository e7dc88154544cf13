import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import { Hocuspocus, type afterLoadDocumentPayload, type beforeHandleMessagePayload, type Connection, type Document, type Extension, type onChangePayload } from '@hocuspocus/server';
import IORedis from 'ioredis';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import type { Database } from '@/db';
import type { CurrentUser } from '@/lib/auth/actor';
import { logger } from '@/lib/logger';
import { metrics } from '@/lib/metrics/registry';
import { lockAndFlushText, takeCheckpoint } from '@/lib/stories/checkpoints';
import { storyAccess, userFromHandshake, type StoryAccess } from './access';
import { createCheckpointTimers, type TimedCheckpoint } from './checkpoint-timers';
import { deriveStoryText, overLongFields } from './codec';
import { storyIdOf } from './fields';
import { inspectUpdate, MAX_DOCUMENT_BYTES, MAX_UPDATE_BYTES } from './guard';
import { isEmptyUpdate, presenceClaims, updateInMessage, type PresenceClaim } from './messages';
import { registerCollab, runningCollab, type LiveDocuments } from './registry';
import { repairDocument } from './repair';
import { watchAccess } from './revocation';
import { appendUpdate, catchUp, createUpdateLog, loadDocumentState } from './storage';
import { storedMessage } from './stored';
import { noteUpdate, watchUnseenLetters, type FoundLetters } from './unseen-letters';
import { writeBackUpdate } from './write-back';

// The co-editing server: Hocuspocus inside our own HTTP server, on
// COLLAB_PATH of the same port (docs/co-editing.md). Every hook below is
// where one of the model's promises is kept.

export { COLLAB_PATH } from './fields';

/** What each connection carries from its handshake: who, which story, and what they may do. */
export type CollabContext = { user: CurrentUser; sessionVersion: number; storyId: string; access: StoryAccess };

/** A refusal the client sees as the close reason (Hocuspocus sends `reason`). */
class Refusal extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * How long a socket waits for Postgres. A frozen database answers nothing
 * (server-side timeouts cannot fire), so the wait is bounded here; the
 * client is told, keeps its edits and sends them again when it reconnects.
 * An update that did land meanwhile is merged twice, which Yjs ignores.
 */
export const STORAGE_TIMEOUT_MS = 4000;
const STORE_RETRY_MS = 3000;
/** Tries at writing back letters a colleague never saw (unseen-letters.ts) while the database is away, STORE_RETRY_MS apart. */
const WRITE_BACK_TRIES = 20;
/** The origin of letters written back: a change Hocuspocus sends to every tab and stores, as a person's. */
const WRITTEN_BACK = { writtenBack: true };

async function storage<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('storage timeout')), STORAGE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, timeout]);
  } catch (error) {
    logger.warn({ err: error }, 'co-editing: storage unavailable');
    throw new Refusal(4503, 'storage-unavailable');
  } finally {
    clearTimeout(timer);
  }
}

/** The socket itself, so that a refusal the client should retry can end it (see retryable). */
type HandshakeContext = { socket?: WebSocket };

/**
 * A refusal during the handshake leaves the socket open and the provider
 * waiting, unauthenticated, for good. When the reason is the database (down
 * or frozen), the socket is closed right after the refusal is sent, so the
 * client reconnects with its backoff and gets in once the database answers.
 */
async function retryable<T>(context: HandshakeContext, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    // A direct connection (a restore) has no socket.
    if (error instanceof Refusal && error.code === 4503) setImmediate(() => context.socket?.close(error.code, error.reason));
    throw error;
  }
}

export type CollabServer = {
  instance: Hocuspocus;
  /** What this server offers Next's half of the process (registry.ts). */
  live: LiveDocuments;
  handleUpgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) => void;
  /** Idle and interval timers running (none once every document has left memory). */
  checkpointTimers: () => number;
  close: () => Promise<void>;
};

export type CollabOptions = {
  db: Database;
  authSecret: string;
  redisUrl?: string;
  accessCheckMs?: number;
  storeDebounceMs?: number;
  /** A checkpoint when a person has typed and then sent nothing for this long (default two minutes). */
  idleCheckpointMs?: number;
  /** At most this often while anyone types, a checkpoint (default five minutes). */
  intervalCheckpointMs?: number;
};

export const IDLE_CHECKPOINT_MS = 2 * 60_000;
export const INTERVAL_CHECKPOINT_MS = 5 * 60_000;

/** Per document: bytes since the last compaction (the size cap) and who changed it since the last store. */
type DocumentTally = { bytes: number; writers: Map<string, string | null> };

export function createCollabServer(options: CollabOptions): CollabServer {
  const { db } = options;
  const tallies = new Map<string, DocumentTally>();
  const updateLog = createUpdateLog(db);
  const tallyOf = (name: string) => tallies.get(name) ?? tallies.set(name, { bytes: 0, writers: new Map() }).get(name)!;

  // Checkpoints the server takes by itself (lib/stories/checkpoints.ts): from what is stored, so whichever
  // instance takes one, and two instances taking one at once write it once (the story's row lock).
  const checkpointsInFlight = new Set<Promise<void>>();
  function checkpointNow(due: TimedCheckpoint): Promise<void> {
    const run = storage(db.transaction((tx) => takeCheckpoint(tx, due)))
      .then(() => timers.restartInterval(due.storyId))
      .catch((error: unknown) => logger.warn({ err: error, storyId: due.storyId, kind: due.kind }, 'co-editing: checkpoint not taken'))
      .finally(() => checkpointsInFlight.delete(run));
    checkpointsInFlight.add(run);
    return run;
  }
  // Letters a colleague never saw, taken out with a paragraph they rewrote (unseen-letters.ts): written back one change
  // at a time per document, each logged before it is applied, like any acknowledged update.
  const writingBack = new WeakMap<Document, Promise<void>>();
  function writeBack(document: Document, letters: FoundLetters): void {
    const storyId = storyIdOf(document.name);
    if (!storyId) return;
    const previous = writingBack.get(document) ?? Promise.resolve();
    const next = previous.then(() => writeBackNow(document, storyId, letters)).catch((error: unknown) => logger.error({ err: error, storyId }, 'co-editing: letters a colleague never saw could not be written back'));
    writingBack.set(document, next);
  }
  async function writeBackNow(document: Document, storyId: string, letters: FoundLetters): Promise<void> {
    if (document.isDestroyed) return;
    // Computed once: a retry appends the same change, so a try that timed out but committed is not written twice.
    const change = writeBackUpdate(document, letters);
    if (!change) return;
    for (let attempt = 1; ; attempt++) {
      try {
        await storage(appendUpdate(db, storyId, change, null));
        break;
      } catch (error) {
        if (attempt >= WRITE_BACK_TRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, STORE_RETRY_MS).unref());
      }
    }
    // Unloaded meanwhile: it is in the log, and the next opening of the story has it.
    if (document.isDestroyed) return;
    Y.applyUpdate(document, change, WRITTEN_BACK);
    tallyOf(document.name).bytes += change.byteLength;
    const count = letters.kind === 'write' ? letters.runs.reduce((sum, run) => sum + run.keys.length, 0) : letters.copies.length;
    logger.info({ storyId, letters: count, kind: letters.kind }, 'co-editing: letters typed into a paragraph a colleague rewrote without having seen them, written back (or their deletion followed)');
  }

  const timers = createCheckpointTimers({
    idleMs: options.idleCheckpointMs ?? IDLE_CHECKPOINT_MS,
    intervalMs: options.intervalCheckpointMs ?? INTERVAL_CHECKPOINT_MS,
    take: (due) => void checkpointNow(due),
  });

  // Each connection's last message through beforeHandleMessage (below), and whether it is done.
  const inTurn = new WeakMap<Connection, { done: boolean; promise: Promise<void> }>();
  const hooks: Extension = {
    async onAuthenticate({ requestHeaders, documentName, connectionConfig, context }) {
      const storyId = storyIdOf(documentName);
      const session = await retryable(context, storage(userFromHandshake(db, requestHeaders, options.authSecret)));
      if (!session) throw new Refusal(4401, 'session-ended');
      const { user, sessionVersion } = session;
      const access = storyId ? await retryable(context, storage(storyAccess(db, user, storyId))) : 'none';
      if (!storyId || access === 'none') throw new Refusal(4404, 'not-found');
      connectionConfig.readOnly = access !== 'write';
      return { user, sessionVersion, storyId, access } satisfies CollabContext;
    },

    // sahifa_coediting_connections: counted again at each change rather than kept as a sum, so it cannot drift.
    async connected() {
      metrics().coediting.set(instance.getConnectionsCount());
    },
    async onDisconnect() {
      metrics().coediting.set(instance.getConnectionsCount());
    },

    async onLoadDocument({ documentName, document, context }) {
      const storyId = storyIdOf(documentName);
      const state = storyId ? await retryable(context, storage(loadDocumentState(db, storyId))) : null;
      if (!state) throw new Refusal(4404, 'not-found');
      Y.applyUpdate(document, state);
      tallyOf(documentName).bytes = state.byteLength;
    },

    async afterLoadDocument({ document }) {
      watchUnseenLetters(document, (letters) => writeBack(document, letters));
    },

    // Durable before acknowledged: Hocuspocus applies and acknowledges a
    // message only after this resolves, so the update is in Postgres first.
    // One connection's messages one after the other, each applied before the next is looked at: Hocuspocus runs
    // each message's hooks as it arrives and applies it when they resolve, so a message waiting on Postgres was
    // overtaken by the next. A tab's state sent first (own-changes-first.ts) was then still unapplied when the tab's
    // answer to the server's sync arrived, whose deletions (what a rewrite took on its screen) were read as made
    // knowingly, and the tab's offline letters were not written back (unseen-letters.ts).
    async beforeHandleMessage(payload) {
      const previous = inTurn.get(payload.connection);
      const turn = { done: false, promise: Promise.resolve() };
      turn.promise = (async () => {
        if (previous && !previous.done) {
          await previous.promise.catch(() => {});
          // The previous message is applied in a reaction to its hooks, queued before this one's: a task later, it has run.
          await new Promise((resolve) => setImmediate(resolve));
        }
        return handleMessage(payload);
      })().finally(() => (turn.done = true));
      inTurn.set(payload.connection, turn);
      return turn.promise;
    },

    // The working copy, derived from the stored document and validated, the log compacted on the way.
    async onStoreDocument(payload) {
      const { document, documentName } = payload;
      const storyId = storyIdOf(documentName);
      if (!storyId) return;
      const tally = tallyOf(documentName);
      const writers = new Map(tally.writers);
      tally.writers.clear();
      const lastWriter = [...writers.values()].at(-1) ?? null;
      // The working copy from what is stored (snapshot plus log: everything any instance acknowledged, not this one's
      // memory), under the story's row lock, as a workflow step flushes it (checkpoints.ts).
      const flush = () => storage(db.transaction((tx) => lockAndFlushText(tx, storyId, lastWriter)));
      // Everything below is caught: a throw would reach Hocuspocus' debounce timer, which nobody awaits, and an
      // unhandled rejection ends the process (the app and every newsroom tab with it).
      try {
        let flushed = await flush();
        if (!flushed?.state) return;
        // What another instance acknowledged and this one never heard (Redis down or restarting) reaches this
        // document, and so this instance's clients, from the log.
        catchUp(document, flushed.state);
        const derived = flushed.outcome === 'invalid' ? deriveStoryText(document) : null;
        if (derived && !derived.ok) {
          // Fields typed past their limit by two people at once are cut, and nobody is disconnected: honest editors
          // did that. Anything else no editor can write, so whoever wrote since the last store is disconnected.
          const cuts = overLongFields(document);
          if (derived.problems.every((problem) => problem.path in cuts)) {
            logger.info({ storyId, fields: Object.keys(cuts) }, 'co-editing: fields typed past their limit; cut at it');
          } else {
            logger.warn({ storyId, problems: derived.problems.slice(0, 5) }, 'co-editing: document fails the schema; repaired, writers disconnected');
            closeConnections(document, (connection) => writers.has(connection.socketId), 4422, 'invalid-content');
          }
          await storage(repairDocument(db, storyId, document));
          // The repaired text is stored now: a change the server applies itself brings about no store of its own.
          flushed = await flush();
          if (!flushed?.state) return;
        }
        // Still failing (a bad change landed meanwhile): its own store repairs it.
        if (flushed.outcome === 'invalid' || !flushed.stateVector) return;
        // Every tab learns what the working copy now holds (lib/collab/stored.ts).
        document.broadcastStateless(storedMessage(flushed.stateVector));
        tally.bytes = flushed.state.byteLength;
      } catch (error) {
        // The updates are safe in the log (or still with their clients); the working copy (or the repair) catches up on the next try.
        for (const [socketId, userId] of writers) if (!tally.writers.has(socketId)) tally.writers.set(socketId, userId);
        // Not rethrown: Hocuspocus runs this hook from a debounce timer that nobody awaits.
        logger.warn({ err: error, storyId }, 'co-editing: working copy not stored; retrying');
        setTimeout(() => {
          if (!document.isDestroyed) void instance.storeDocumentHooks(document, payload, true).catch(() => {});
        }, STORE_RETRY_MS).unref();
      }
    },

    async afterUnloadDocument({ documentName }) {
      tallies.delete(documentName);
      // Everyone has left: whoever typed and had not gone idle yet has now, so their checkpoint is taken.
      const storyId = storyIdOf(documentName);
      const due = storyId ? timers.forget(storyId) : [];
      if (storyId && due.length > 0) await checkpointNow({ storyId, kind: 'idle', actorId: due.at(-1) ?? null });
    },
  };

  async function handleMessage({ connection, document, documentName, update: message }: beforeHandleMessagePayload): Promise<void> {
    // Presence names come from the session, not the client: a caret may not claim to be someone else.
    // A provider also relays the states it heard from others: those the document already holds, at a
    // clock it has seen, are echoes (and ignored by Yjs), not claims.
    const own = (connection.context as CollabContext).user.displayName;
    const known = (claim: PresenceClaim) => (document.awareness.meta.get(claim.clientId)?.clock ?? -1) >= claim.clock;
    if (presenceClaims(message)?.some((claim) => claim.name !== null && claim.name !== own && !known(claim))) {
      closeConnections(document, (other) => other === connection, 4400, 'invalid-presence');
      throw new Refusal(4400, 'invalid-presence');
    }
    const carried = updateInMessage(message);
    if (!carried || isEmptyUpdate(carried.update)) return;
    // Hocuspocus refuses updates on a read-only connection itself; nothing of them is stored either.
    if (connection.readOnly) return;
    const context = connection.context as CollabContext;
    try {
      const verdict = inspectUpdate(carried.update, document);
      if (!verdict.ok) throw new Refusal(4400, `invalid-update: ${verdict.reason}`);
      // What this person deleted knowingly, noted before Hocuspocus applies it (unseen-letters.ts).
      noteUpdate(document, carried.update, connection, { direct: true, whole: carried.initialSync });
      // A reconnecting client's first message repeats what the server mostly has already.
      if (carried.initialSync && Y.snapshotContainsUpdate(Y.snapshot(document), carried.update)) return;
      const tally = tallyOf(documentName);
      if (tally.bytes + carried.update.byteLength > MAX_DOCUMENT_BYTES) throw new Refusal(4413, 'document-too-large');
      await storage(updateLog.append(context.storyId, carried.update, context.user.id));
      tally.bytes += carried.update.byteLength;
      tally.writers.set(connection.socketId, context.user.id);
      timers.typed(context.storyId, context.user.id);
    } catch (error) {
      // The socket goes, not only this document's connection: the client reconnects and resends what was not acknowledged.
      if (error instanceof Refusal) closeConnections(document, (other) => other === connection, error.code, error.reason);
      throw error;
    }
  }

  const extensions: Extension[] = [hooks];
  if (options.redisUrl) {
    // Back after an outage: a message sent before this instance had subscribed again is lost to it, so every live
    // document catches up from the log (a second later, once the subscription is back: later messages come through it).
    // One at a time, and once for both of the relay's connections coming back: keystrokes share the pool. Asked again
    // while a pass runs (a relay dropping and sending again under load), one more pass follows it, never two at once.
    let catchingUp: NodeJS.Timeout | undefined;
    let passing = false;
    let again = false;
    const catchUpAll = (): void => {
      if (passing) {
        again = true;
        return;
      }
      catchingUp ??= setTimeout(async () => {
        catchingUp = undefined;
        passing = true;
        try {
          for (const document of [...instance.documents.values()]) {
            const storyId = storyIdOf(document.name);
            if (!storyId) continue;
            await storage(loadDocumentState(db, storyId))
              .then((state) => state && !document.isDestroyed && catchUp(document, state))
              .catch((error: unknown) => logger.warn({ err: error, storyId }, 'co-editing: could not catch up from the log'));
            // And the other way: what this relay dropped, another instance whose subscription never broke (Redis hung
            // rather than gone) has not heard and does not look for. Offered the document, it asks for what it lacks.
            // Subscribing again first (not waited for: Redis may go again): a subscription Redis refused is made now.
            if (!document.isDestroyed) void relay.subscribe(document.name);
          }
        } finally {
          passing = false;
          if (again) {
            again = false;
            catchUpAll();
          }
        }
      }, 1000);
      catchingUp.unref();
    };
    const relay = new RedisRelay(options.redisUrl, catchUpAll);
    extensions.unshift(relay);
  }
  const instance = new Hocuspocus({
    name: 'sahifa',
    quiet: true,
    // The working copy follows the text within a second or two of a pause, and at least every five seconds of steady typing.
    debounce: options.storeDebounceMs ?? 1000,
    maxDebounce: 5000,
    extensions,
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_UPDATE_BYTES + 1024 });
  const stopWatching = watchAccess(db, instance, options.accessCheckMs ?? 2000, closeConnections);
  // Changes asked for by Next's half of the process (a restore) are applied here, with this half's Yjs (registry.ts).
  const live: LiveDocuments = {
    async change(documentName, change) {
      const connection = await instance.openDirectConnection(documentName, { direct: true });
      try {
        const document = connection.document;
        if (!document) return 'no-document';
        const update = await change(Y.encodeStateAsUpdate(document));
        if (update) await connection.transact((doc) => Y.applyUpdate(doc, update));
        return 'live';
      } finally {
        await connection.disconnect();
      }
    },
  };
  registerCollab(live);

  return {
    instance,
    live,
    checkpointTimers: () => timers.size(),
    handleUpgrade(request, socket, head) {
      sockets.handleUpgrade(request, socket, head, (ws) => {
        // A frame the socket refuses (over maxPayload, as a huge paste sends; or not valid WebSocket) is an 'error'
        // event, and ws closes that socket itself. Unheard, it is an uncaught exception that ends the whole process
        // (the app's and every newsroom tab's), before or after sign-in. Hocuspocus' own Server listens; we must too.
        ws.on('error', (error) => logger.warn({ reason: error.message }, 'co-editing: socket error; closed'));
        instance.handleConnection(ws, request, { socket: ws } satisfies HandshakeContext);
      });
    },
    async close() {
      stopWatching();
      for (const client of sockets.clients) client.terminate();
      // Stores what is pending before the process goes.
      await Promise.all([...instance.documents.values()].map((document) => instance.unloadDocument(document).catch(() => {})));
      timers.close();
      await Promise.all(checkpointsInFlight);
      if (runningCollab() === live) registerCollab(undefined);
      sockets.close();
    },
  };
}

/** At most this many relay messages wait for Redis to take them, and at most RELAY_MAX_PENDING_BYTES of them (or one message of any size); the rest are dropped. */
export const RELAY_MAX_PENDING = 256;
const RELAY_MAX_PENDING_BYTES = 16 * 1024 * 1024;
/** Redis answering nothing for this long while the relay waits on it is hung: the connection is dropped and made again. */
export const RELAY_TIMEOUT_MS = 5000;
/** The longest the opening of a story waits for Redis to confirm the relay's subscription to it. */
export const RELAY_SUBSCRIBE_WAIT_MS = 1000;

/** The extension's own helpers, private in its types (3.4.4, pinned): its channel name, and its presence query. */
type RelayInternals = { subKey(documentName: string): string; requestAwarenessFromOtherInstances(documentName: string): Promise<number> };

/**
 * Hocuspocus' Redis extension relays updates, presence and stateless messages between instances. Its store lock is
 * left out: while one instance held it, another skipped its store altogether, and Hocuspocus stores a document only
 * for its own connections' changes, so that instance's last changes waited in the log, out of the working copy and
 * never "stored" for the tab that typed them, until someone typed there again. Our store needs no lock of its own:
 * it derives the working copy from the log under the story's row lock, so stores run in turn, the later with all.
 */
class RedisRelay extends RedisExtension {
  constructor(url: string, back: () => void) {
    const publisher = new RelayPublisher(url, back);
    const clients: IORedis[] = [publisher, watchRelay(new IORedis(url, { maxRetriesPerRequest: null }), back)];
    // The extension takes its publisher first, then its subscriber (`this.pub = createClient(); this.sub = createClient()`).
    super({ createClient: () => clients.shift()!, prefix: 'sahifa:collab' });
    if (this.pub !== publisher) throw new Error('co-editing: the Redis extension took its clients in another order');
    // Before the extension's own listener applies a relayed update: what its sender deleted knowingly (unseen-letters.ts).
    this.sub.prependListener('messageBuffer', (_channel: Buffer, data: Buffer) => this.noteRelayed(data));
  }

  /** A relayed message is [identifier length][identifier][Hocuspocus message], as the extension encodes it. */
  private noteRelayed(data: Buffer): void {
    // In Redis' event handler: a throw here would be uncaught, and end the process.
    try {
      const identifier = data.toString('utf-8', 1, data[0]! + 1);
      if (identifier === this.configuration.identifier) return;
      const carried = updateInMessage(data.subarray(data[0]! + 1));
      const document = carried && this.instance?.documents.get(carried.documentName);
      if (carried && document) noteUpdate(document, carried.update, this.redisTransactionOrigin, { direct: false, whole: carried.initialSync });
    } catch (error) {
      logger.warn({ err: error }, 'co-editing: a relayed message could not be read');
    }
  }

  override async onStoreDocument(): Promise<void> {}

  /**
   * The extension opens a document only once Redis has confirmed its subscription, so with Redis stopped or hung no
   * story that nobody had open could be opened, on any instance; and its confirmation callback holds the document
   * itself, so each opening during an outage kept a whole document alive until Redis answered. Here the opening waits
   * RELAY_SUBSCRIBE_WAIT_MS at most, and what waits for Redis holds only the document's name. Meanwhile the instance
   * works from the log as in any outage (each store brings in what the others acknowledged); the subscription is
   * made when Redis is back, and the relay's catch-up then brings the document up to the log and offers it again.
   */
  override async afterLoadDocument({ documentName }: afterLoadDocumentPayload): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.subscribe(documentName), new Promise((resolve) => (timer = setTimeout(resolve, RELAY_SUBSCRIBE_WAIT_MS)))]);
    clearTimeout(timer);
  }

  /**
   * Subscribes to a document's channel (again: Redis ignores a second subscription), then greets the others as the
   * extension does once subscribed: this document's state (they answer with what it lacks) and a question for their
   * presence, for the document as it is then, if it is still open.
   */
  async subscribe(documentName: string): Promise<void> {
    const own = this as unknown as RelayInternals;
    try {
      await this.sub.subscribe(own.subKey(documentName));
    } catch (error) {
      // Retried by the next catch-up pass (every live document subscribes again).
      logger.warn({ err: error, document: documentName }, 'co-editing: the relay could not subscribe to a document');
      return;
    }
    const document = this.instance.documents.get(documentName);
    if (!document || document.isDestroyed) return;
    this.offer(document);
    void own.requestAwarenessFromOtherInstances(documentName);
  }

  /** Offers the document's state to the other instances (the first sync step it publishes on each change): each answers with what this one lacks and asks for what it lacks. */
  offer(document: Document): void {
    void this.onChange({ document, documentName: document.name } as onChangePayload);
  }
}

/**
 * The relay's publishing connection. The extension publishes on every keystroke, presence change and store, and never
 * waits for the answer or handles a failure (a rejected publish would be an unhandled rejection: the process ends).
 * What Redis cannot take now is dropped, not queued: nothing needs it later, every acknowledged update being in the
 * log, which each instance reads again when its relay is back (and whatever it dropped it offers again then). So the
 * messages held for Redis are bounded whether it is stopped (no offline queue: refused at once), hung (at most
 * RELAY_MAX_PENDING wait, and a message unanswered after RELAY_TIMEOUT_MS drops the connection with all of them) or slow.
 */
class RelayPublisher extends IORedis {
  private pending = 0;
  private pendingBytes = 0;
  private dropped = 0;

  constructor(
    url: string,
    private readonly back: () => void,
  ) {
    // maxRetriesPerRequest 0: whatever waits for an answer fails when the connection closes, rather than being kept for the next.
    super(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, autoResendUnfulfilledCommands: false, commandTimeout: RELAY_TIMEOUT_MS });
    watchRelay(this, back);
  }

  override publish(channel: string | Buffer, message: string | Buffer): Promise<number> {
    const bytes = Buffer.byteLength(message);
    const room = this.pending < RELAY_MAX_PENDING && (this.pending === 0 || this.pendingBytes + bytes <= RELAY_MAX_PENDING_BYTES);
    if (this.status !== 'ready' || !room) return Promise.resolve(this.drop(this.status === 'ready' ? 'too many messages waiting for Redis' : `Redis ${this.status}`));
    this.pending += 1;
    this.pendingBytes += bytes;
    const droppedBefore = this.dropped > 0;
    const stream = this.stream;
    return super
      .publish(channel, message)
      .then(
        (receivers) => {
          if (droppedBefore && this.dropped > 0) this.sendingAgain();
          return receivers;
        },
        (error: Error) => {
          // Hung (open, answering nothing): the connection goes, failing what waits on it, and ioredis makes another.
          // Its own socketTimeout would do this, but its timer outlives the connection and ends the next one too.
          if (error.message === 'Command timed out' && this.stream === stream && !stream.destroyed) {
            stream.destroy(new Error(`Redis answered nothing in ${RELAY_TIMEOUT_MS} ms`));
          }
          return this.drop(error.message);
        },
      )
      .finally(() => {
        this.pending -= 1;
        this.pendingBytes -= bytes;
      });
  }

  /** Counted, and said once until Redis takes a message sent after it again. */
  private drop(reason: string): number {
    if (this.dropped === 0) logger.warn({ reason }, 'co-editing: Redis relay dropping what Redis cannot take now; every acknowledged word is in the log, and instances catch up from it once Redis answers');
    this.dropped += 1;
    return 0;
  }

  private sendingAgain(): void {
    logger.info({ dropped: this.dropped }, 'co-editing: Redis relay sending again');
    this.dropped = 0;
    this.back();
  }
}

/** A Redis connection of the relay: says once when Redis goes away and once when it is back (ioredis retries for ever), and then calls `back`. */
function watchRelay(client: IORedis, back: () => void): IORedis {
  let warned = false;
  let lost = false;
  client.on('error', (error: Error) => {
    if (!warned) logger.warn({ reason: error.message }, 'co-editing: Redis unreachable; instances relay nothing until it is back, and every acknowledged word is in the log');
    warned = lost = true;
  });
  // A clean close (Redis dropping a slow subscriber, a proxy, a failover) loses messages as surely as an error does.
  client.on('close', () => {
    lost = true;
  });
  client.on('ready', () => {
    if (warned) logger.info('co-editing: Redis reachable again');
    if (lost) back();
    warned = lost = false;
  });
  return client;
}

/** Closes the sockets of the matching connections with a reason the editor shows; they reconnect and authenticate afresh. */
export function closeConnections(document: Document, match: (connection: Connection) => boolean, code: number, reason: string): void {
  for (const connection of document.getConnections()) {
    if (!match(connection)) continue;
    connection.close({ code, reason });
    connection.webSocket.close(code, reason);
  }
}
