import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { Hocuspocus } from '@hocuspocus/server';
import { WebSocketServer } from 'ws';
import { createDb } from '@/db/index';
import { COLLAB_PATH, createCollabServer } from '@/lib/collab/server';

// The server side of npm run bench:collab, in a process of its own so its
// CPU and memory are its own: "sahifa" is our co-editing server as the app
// runs it; "bare" is Hocuspocus relaying with no authentication, logging or
// storage, the baseline the figures are compared with. Answers "stats" on
// stdin with its CPU time and RSS.

const mode = process.argv[2] === 'bare' ? 'bare' : 'sahifa';
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set');

const upgrade =
  mode === 'bare'
    ? (() => {
        const instance = new Hocuspocus({ quiet: true });
        const sockets = new WebSocketServer({ noServer: true });
        return (...args: Parameters<WebSocketServer['handleUpgrade']>) => sockets.handleUpgrade(args[0], args[1], args[2], (ws) => instance.handleConnection(ws, args[0]));
      })()
    : (() => {
        const collab = createCollabServer({ db: createDb(url, { max: 10 }).db, authSecret: process.env.AUTH_SECRET ?? '', redisUrl: process.env.REDIS_URL });
        return (...args: Parameters<WebSocketServer['handleUpgrade']>) => collab.handleUpgrade(args[0], args[1], args[2]);
      })();

const server = createServer((_, response) => response.writeHead(404).end());
server.on('upgrade', (request, socket, head) => upgrade(request, socket, head, () => {}));
server.listen(0, '127.0.0.1', () => process.stdout.write(`ready ws://127.0.0.1:${(server.address() as AddressInfo).port}${COLLAB_PATH}\n`));
createInterface({ input: process.stdin }).on('line', () => {
  const cpu = process.cpuUsage();
  process.stdout.write(`stats ${JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, rss: process.memoryUsage().rss })}\n`);
});
