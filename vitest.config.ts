import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@shared': resolve(__dirname, 'shared') } },
  test: {
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    // Each backend test sets up a fresh terminal (password hashing, migrations, seeding): on a busy
    // 2-core CI machine that alone has taken over vitest's default 10 s for a hook.
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          include: [
            'shared/**/*.test.ts',
            'electron/**/*.test.ts',
            'bench/**/*.test.ts',
            'renderer/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
        },
      },
      {
        // The county hub: its tests run on PGlite and on a PostgreSQL server that this global setup
        // starts, only when a hub test is part of the run.
        extends: true,
        test: {
          name: 'hub',
          include: ['upstream/**/*.test.ts'],
          globalSetup: ['upstream/test/postgres-server.ts'],
        },
      },
    ],
  },
});
