import type { Server, ServerResponse } from 'node:http';
import net, { type Socket } from 'node:net';

/** How long an idle keep-alive connection may still bring a request once the drain has begun. */
const IDLE_LINGER_MS = 1_000;
/**
 * How long the port still takes connections once the drain has begun. A client's connection can be complete in the
 * kernel and not yet taken by the server (the accept queue of a busy process): closing the port at once resets it,
 * although its request was sent before the stop. Answered meanwhile with `Connection: close`, like the rest.
 */
const ACCEPT_LINGER_MS = 250;

// A graceful stop for an HTTP server: stop accepting (after a short linger),
// let the requests in flight finish, close each keep-alive connection as soon as it is idle, and
// cut whatever is left when the grace period ends. Node's own server.close()
// waits forever on keep-alive connections, and closeAllConnections() resets
// the requests in flight with them.

export type Drainer = {
  /** Resolves when every connection is closed; `forced` counts the connections still open at the deadline. */
  drain: (graceMs: number) => Promise<{ forced: number }>;
};

export function drainable(server: Server): Drainer {
  const inFlight = new Map<Socket, number>();
  const open = new Set<ServerResponse>();
  let draining = false;

  server.on('connection', (socket: Socket) => {
    inFlight.set(socket, 0);
    socket.once('close', () => inFlight.delete(socket));
  });
  // First of the request listeners, whenever it is attached: a handler may answer synchronously (a reader
  // page held in memory), and a drain's `Connection: close` must be on the response before it is written.
  server.prependListener('request', (req, res: ServerResponse) => {
    const socket = req.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    open.add(res);
    if (draining && !res.headersSent) res.setHeader('connection', 'close');
    res.once('close', () => {
      open.delete(res);
      const left = (inFlight.get(socket) ?? 1) - 1;
      inFlight.set(socket, left);
      if (draining && left === 0) {
        // A client told "close" expects the end now; one whose answer began before the drain may
        // already be sending its next request on this connection, so it gets the idle linger.
        if (res.getHeader('connection') === 'close') socket.end();
        else setTimeout(() => inFlight.get(socket) === 0 && socket.end(), IDLE_LINGER_MS).unref();
      }
    });
  });

  return {
    drain: (graceMs) =>
      new Promise((resolve) => {
        draining = true;
        // Answers not yet begun tell the client this connection ends with them.
        for (const res of open) if (!res.headersSent) res.setHeader('connection', 'close');
        const timer = setTimeout(() => {
          const forced = inFlight.size;
          for (const socket of inFlight.keys()) socket.destroy();
          resolve({ forced });
        }, graceMs);
        // net.Server's close, not http.Server's: the latter also drops the idle keep-alive
        // connections at once, and resets a request a client is sending on one right now.
        setTimeout(() => {
          net.Server.prototype.close.call(server, () => {
            clearTimeout(timer);
            resolve({ forced: 0 });
          });
        }, ACCEPT_LINGER_MS).unref();
        // Idle keep-alive connections are closed after a short linger: a request already on
        // its way is answered (with Connection: close), and a quiet one just ends.
        setTimeout(() => {
          for (const [socket, count] of inFlight) if (count === 0) socket.end();
        }, IDLE_LINGER_MS).unref();
      }),
  };
}
