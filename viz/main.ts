/**
 * market-sim what-if explorer: entry point. The engine runs in Web Workers
 * (viz/worker/engine.worker.ts); this thread validates scenarios, keeps the view
 * state in the URL and draws the charts.
 */
import { z } from 'zod';
import './styles.css';
import { App } from './app/app.ts';

// The built site's Content-Security-Policy forbids eval: keep zod off its `new Function` fast path.
z.config({ jitless: true });

new App();
