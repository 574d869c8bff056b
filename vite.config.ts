import { defineConfig, type Plugin } from 'vite';

/**
 * Content-Security-Policy of the built site: scripts, workers and styles only
 * from the site itself (no inline script, no eval), images also from data:/blob:
 * (PNG export), nothing else. Added at build only: the dev server injects inline
 * styles for hot reloading.
 */
export const CSP = [
  "default-src 'self'", "script-src 'self'", "worker-src 'self'", "style-src 'self'", "img-src 'self' data: blob:",
  "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'",
].join('; ');

function csp(): Plugin {
  return {
    name: 'market-sim-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
  };
}

// The visualizer (viz/): `npm run viz` serves it, `npm run build` writes a static site to dist/
// with relative asset paths, so it works from any static host and any sub-path.
export default defineConfig({
  root: 'viz',
  base: './',
  publicDir: false,
  plugins: [csp()],
  server: { fs: { allow: ['..'] } },
  worker: { format: 'es' },
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1500 },
});
