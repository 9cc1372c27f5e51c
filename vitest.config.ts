import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'main/**/*.test.ts',
      'bench/**/*.test.ts',
      'renderer/**/*.test.ts',
    ],
    // tfjs tests are CPU-bound; two workers match the 2-core CI machines.
    maxWorkers: 2,
    testTimeout: 60_000,
  },
});
