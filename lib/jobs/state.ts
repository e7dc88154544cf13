// The job runner's state, on globalThis: the runner is started by our server
// (scripts/server.ts) while the health route lives in Next's module graph, so
// the two only meet through the process.

export type JobRunnerStatus = 'running' | 'stopped';

const shared = globalThis as unknown as { sahifaJobRunner?: JobRunnerStatus };

export function setJobRunnerState(status: JobRunnerStatus): void {
  shared.sahifaJobRunner = status;
}

export function jobRunnerStatus(): JobRunnerStatus | undefined {
  return shared.sahifaJobRunner;
}
