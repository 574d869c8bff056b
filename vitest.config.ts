import { defineConfig } from 'vitest/config';

// Unit, property, golden and CLI tests run in Node. The browser project (real
// Chromium, see test/browser/) is added by the visualizer's config below.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**'],
          environment: 'node',
          setupFiles: ['test/setup/fastcheck.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        // The built visualizer in real Chromium (Debian's, installed by the pretest script):
        // node tests that build the site, serve it with `vite preview` and drive the page
        // with playwright-core. See test/browser/ and docs/visualizer.md.
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          pool: 'forks',
        },
      },
    ],
  },
});
