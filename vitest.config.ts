import { defineConfig } from 'vitest/config';

// One config for every suite; widget tests opt into happy-dom with a file-level
// `// @vitest-environment happy-dom` comment so server tests stay on plain Node.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
