import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium unless CHROMIUM_PATH says otherwise (CI installs it with apt). */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Why browser tests cannot run here, or null when they can. Under CI a missing browser is a failure, not a skip. */
export function browserUnavailable(): string | null {
  if (existsSync(CHROMIUM_PATH) || process.env['CI']) return null;
  return `no Chromium at ${CHROMIUM_PATH} (install Debian's chromium or set CHROMIUM_PATH); browser tests skipped`;
}

/**
 * Real headless Chromium. The background-networking flags matter on a closed network: without them Chromium's own
 * connections are refused and page loads stall.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
