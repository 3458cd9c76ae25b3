import { existsSync } from 'node:fs';
import { type Browser, type BrowserServer, chromium } from 'playwright-core';

/** Debian's Chromium; the test command installs it (scripts/ensure-system-packages.mjs). */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * The flags that work as root on machines without a network: no sandbox, no GPU, and none of
 * the background connections that would be refused. Lighthouse runs with the same.
 */
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function assertChromium(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(`No Chromium at ${chromiumPath}. Install it: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
}

/** Starts headless Chromium with those flags; Playwright gives every launch a fresh, empty profile. */
export async function launchBrowser(): Promise<Browser> {
  assertChromium();
  return chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
}

/**
 * Starts one Chromium that several processes reach by its address (`wsEndpoint()`), as the
 * browser tests share one: each test file connects, opens its own contexts and disconnects.
 */
export async function launchBrowserServer(): Promise<BrowserServer> {
  assertChromium();
  return chromium.launchServer({ executablePath: chromiumPath, args: chromiumFlags });
}

/** Connects to a browser started by `launchBrowserServer`; closing the connection leaves it running. */
export function connectBrowser(wsEndpoint: string): Promise<Browser> {
  return chromium.connect(wsEndpoint);
}
