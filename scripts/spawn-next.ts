import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';

/**
 * Runs a command; `next` runs Next's own binary with this Node, so stop
 * signals reach the server itself rather than an npx wrapper (which would
 * leave next-server holding the port). Signals are forwarded, and onExit
 * runs before this process exits with the child's code.
 */
export function spawnForwarding(command: string[], env: NodeJS.ProcessEnv, onExit: () => Promise<void>): ChildProcess {
  const [bin, ...rest] = command as [string, ...string[]];
  const isNext = bin === 'next';
  const executable = isNext ? process.execPath : bin;
  const args = isNext ? [createRequire(import.meta.url).resolve('next/dist/bin/next'), ...rest] : rest;
  const child = spawn(executable, args, { stdio: 'inherit', env });

  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      stopping = true;
      child.kill(signal);
    });
  }
  child.on('exit', async (code, signal) => {
    await onExit().catch(() => {});
    process.exit(code ?? (stopping || signal ? 0 : 1));
  });
  return child;
}
