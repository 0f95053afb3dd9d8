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
          // No retries: a flaky browser test is a race to find, in the product or the test.
          retry: 0,
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
