import { defineConfig } from 'vitest/config';

// Three projects, one suite. `embedded` runs everything as always: the app in Node on an in-memory
// libSQL database; widget tests opt into happy-dom with a file-level `// @vitest-environment
// happy-dom` comment so server tests stay on plain Node. `sqld` and `workerd` run the API-level
// tests again, unchanged, against a real libSQL server (Node over HTTP, and the worker in workerd);
// their global setups start and always stop that server. Test contexts there share one database and
// empty it when created, so their files run one at a time.
const API_TESTS = [
  'test/server/routes/**/*.test.ts',
  'test/server/app.test.ts',
  'test/server/openapi/answers.test.ts',
  'test/server/middleware/**/*.test.ts',
  'test/server/services/identity/verify-token.test.ts',
  'test/server/services/identity/viewer-user.test.ts',
  'test/server/services/moderation/external-scorer.test.ts',
  'test/server/backends/**/*.test.ts',
];

const shared = { testTimeout: 20_000, hookTimeout: 60_000 };
// Every query is an HTTP round trip there: the long tests (a thousand fuzzed requests) need longer.
const remote = { ...shared, testTimeout: 90_000, fileParallelism: false };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'embedded',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          env: { PARLEY_TEST_BACKEND: 'embedded' },
        },
      },
      {
        test: {
          ...remote,
          name: 'sqld',
          include: API_TESTS,
          env: { PARLEY_TEST_BACKEND: 'sqld' },
          globalSetup: ['test/support/backends/sqld.global.ts'],
        },
      },
      {
        test: {
          ...remote,
          name: 'workerd',
          include: API_TESTS,
          env: { PARLEY_TEST_BACKEND: 'workerd' },
          globalSetup: ['test/support/backends/workerd.global.ts'],
        },
      },
    ],
  },
});
