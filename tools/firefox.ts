import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';

/**
 * Debian's Firefox ESR, the second engine of the browser tests; the test command installs it
 * (scripts/ensure-system-packages.mjs). Playwright drives only its own patched Firefox, so this
 * one is driven by puppeteer-core over WebDriver BiDi, which a stock Firefox speaks.
 */
export const firefoxPath = process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr';

/**
 * Starts headless Firefox over WebDriver BiDi. puppeteer-core gives every launch a fresh profile
 * in the temporary folder and removes it on close, so no cache, storage or preference carries
 * over from one run to the next.
 */
export async function launchFirefox(): Promise<Browser> {
  if (!existsSync(firefoxPath)) {
    throw new Error(`No Firefox at ${firefoxPath}. Install it: apt-get install -y firefox-esr (or set FIREFOX_PATH).`);
  }
  return puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: firefoxPath,
    headless: true,
  });
}
