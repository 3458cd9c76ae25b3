import { defineConfig } from 'vitest/config';

/** Browser tests that first build a site of their own, each a minute or more. */
const buildingTests = [
  'tests/e2e/build-errors.test.ts',
  'tests/e2e/layout.test.ts',
  'tests/e2e/base-path.test.ts',
  'tests/e2e/parts.test.ts',
  'tests/e2e/collection.test.ts',
  'tests/e2e/incremental.test.ts',
];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tools/tests/**/*.test.ts', 'bench/tests/**/*.test.ts'],
          // Some render the whole memorandum, a second or more on a busy machine.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          exclude: buildingTests,
          globalSetup: ['tests/e2e/global-setup.ts'],
          // One browser, one server: the files share them and run one after another.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'builds',
          include: buildingTests,
          globalSetup: ['tests/e2e/global-setup.ts'],
          // After the browser tests, not beside them: a build takes both cores, and the
          // arrival tests measure time.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 600_000,
          sequence: { groupOrder: 2 },
        },
      },
    ],
    coverage: {
      provider: 'v8',
      include: ['src/plugins/**', 'src/lib/**'],
    },
  },
});
