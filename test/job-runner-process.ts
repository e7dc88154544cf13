import { startJobRunner } from '@/lib/jobs/runner';

// The job runner alone in a process of its own, for the tests that kill it
// with SIGKILL while it holds a job (lib/jobs/liveness.int.test.ts): the same
// startJobRunner the app server runs, on the database the test names, with
// the liveness intervals it passes (JOB_LIVENESS, JSON). SIGTERM stops it the
// way the server's drain does.

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set');
const liveness = process.env.JOB_LIVENESS ? JSON.parse(process.env.JOB_LIVENESS) : undefined;
const runner = await startJobRunner(url, async () => {}, { liveness });
process.once('SIGTERM', () => void runner.stop().then(() => process.exit(0)));
process.stdout.write('ready\n');
