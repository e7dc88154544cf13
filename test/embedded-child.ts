import { startEmbeddedPostgres } from '@/db/embedded';

// A process that starts the embedded server on the folder and port it is given
// and holds it: db/embedded.int.test.ts kills it to make an orphan, or keeps it
// to be the first of two instances.

const [dataDir, port] = process.argv.slice(2);
const server = await startEmbeddedPostgres({ dataDir: dataDir as string, port: Number(port) });
process.stdout.write(`ready ${server.dataDir}\n`);
process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)));
setInterval(() => {}, 60_000);
