/**
 * market-sim what-if explorer: entry point. The engine runs in Web Workers
 * (viz/worker/engine.worker.ts); this thread validates scenarios, keeps the view
 * state in the URL and draws the charts.
 */
import './zodConfig.ts';
import './styles.css';
import { App } from './app/app.ts';

new App();
