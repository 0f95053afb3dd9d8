import { defineConfig } from 'vitest/config';

// Three projects, run separately by the npm scripts: unit (pure model code),
// integration (real server on port 0, real websockets, real SQLite), e2e
// (real server + Debian's Chromium through playwright-core).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // Tests start servers and child processes; two cores, so keep it modest.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // One retry for browser timing on a loaded 2-core machine; a test that fails twice
          // fails the run, and retried tests are listed in the output (look for them).
          retry: 1,
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
