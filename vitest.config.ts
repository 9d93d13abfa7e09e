import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@shared': resolve(__dirname, 'shared') } },
  test: {
    include: [
      'shared/**/*.test.ts',
      'electron/**/*.test.ts',
      'upstream/**/*.test.ts',
      'bench/**/*.test.ts',
      'renderer/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    // Each backend test sets up a fresh terminal (password hashing, migrations, seeding): on a busy
    // 2-core CI machine that alone has taken over vitest's default 10 s for a hook.
    hookTimeout: 30_000,
  },
});
