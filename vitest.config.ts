import path from 'node:path';
import { defineConfig } from 'vitest/config';
import BackupFirst from './test/backup-first-sequencer';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      'server-only': path.resolve(import.meta.dirname, 'test/stubs/server-only.ts'),
    },
  },
  test: {
    // Set at the root: a project's own sequencer is not used when several projects run together.
    sequence: { sequencer: BackupFirst },
    projects: [
      { extends: true, test: { name: 'unit', include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'test/**/*.test.ts', 'scripts/**/*.test.ts'], exclude: ['**/*.int.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['**/*.int.test.ts'],
          exclude: ['node_modules/**'],
          globalSetup: ['./test/integration-setup.ts'],
          setupFiles: ['./test/integration-env.ts'],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
