import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (installed by the pretest script, test/browser/ensure-chromium.sh). */
export const CHROMIUM_PATH = process.env.MARKET_SIM_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that work headless as root on this machine kind (../shared/TOOLCHAIN.md). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Launch headless Chromium through playwright-core (no browser download). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}
