import net from 'node:net';

// A TCP proxy in front of Postgres that a test can freeze (connections stay
// open, nothing gets through: a hung database, as with SIGSTOP) or take down
// (every connection cut, new ones refused) without touching the shared server.

export async function startTcpProxy(target: { host: string; port: number }) {
  let frozen = false;
  let down = false;
  const held: (() => void)[] = [];
  const sockets = new Set<net.Socket>();
  const forward = (from: net.Socket, to: net.Socket) =>
    from.on('data', (chunk) => {
      if (frozen) held.push(() => to.write(chunk));
      else to.write(chunk);
    });
  const server = net.createServer((client) => {
    if (down) return client.destroy();
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    freeze: () => {
      frozen = true;
    },
    thaw: () => {
      frozen = false;
      held.splice(0).forEach((send) => send());
    },
    takeDown: () => {
      down = true;
      held.length = 0;
      for (const socket of sockets) socket.destroy();
    },
    bringUp: () => {
      down = false;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
