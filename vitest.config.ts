import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/browser/chromium.ts';

// Unit, property, golden and CLI tests run in Node. The browser project (real
// Chromium, see test/browser/) is added by the visualizer's config below.
export default defineConfig({
  test: {
    // Two test files at a time (Vitest's default in run mode is one fewer than the cores: 1 on CI's
    // 2-core machine); tests never assert wall-clock times, so sharing the cores changes no result.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**'],
          environment: 'node',
          setupFiles: ['test/setup/fastcheck.ts', 'test/setup/tempDir.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool: 'forks',
          // Load the code with Node's own import (TypeScript through tsx's loader, as the CLI runs it)
          // instead of Vite's module runner. The runner turns every imported binding into a getter
          // (vitest-dev/vitest#6903), so each `N_CATEGORIES`, `L.gmv` or small helper the engine's hot
          // loop imports from another module became a call: simulations ran 2.5× slower in tests than
          // from the CLI (historical at 10,000 agents: 9.7–11.1 s vs 4.0 s). The node tests use no
          // vi.mock or import.meta.vitest, which this mode would need a loader for (`nodeLoader`, which
          // needs Node ≥ 22.15: off, so Node 20 prints no warning per file).
          execArgv: ['--import', 'tsx'],
          experimental: { viteModuleRunner: false, nodeLoader: false },
        },
      },
      {
        // Vitest browser mode in Debian's Chromium (installed by the pretest script): the
        // visualizer's chart, state and lever modules with real layout and DOM.
        test: {
          name: 'browser',
          include: ['test/browser/**/*.browser.test.ts'],
          testTimeout: 120_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } }),
            instances: [{ browser: 'chromium' }],
            api: { host: '127.0.0.1' },
            screenshotFailures: false,
          },
        },
      },
      {
        // The built site end to end: node tests that build it, serve it with `vite preview`
        // and drive Chromium with playwright-core. See test/browser/ and docs/visualizer.md.
        test: {
          name: 'e2e',
          include: ['test/browser/**/*.test.ts'],
          exclude: ['test/browser/**/*.browser.test.ts'],
          environment: 'node',
          setupFiles: ['test/setup/tempDir.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          pool: 'forks',
        },
      },
    ],
  },
});
