import { createDb } from '@/db/index';
import { startCollab } from './collab';

// The co-editing server alone in a process of its own, for the test that
// kills it with SIGKILL mid-session: the same createCollabServer the app
// server runs, on the database the test names.

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set');
const { db } = createDb(url, { max: 4 });
const server = await startCollab(db);
process.stdout.write(`ready ${server.url}\n`);
