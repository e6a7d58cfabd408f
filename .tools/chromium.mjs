// Launches the system's Chromium headless through playwright-core (no
// browser download): CHROMIUM, else the first of the usual install paths.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];

// launchChromium returns a browser context in a throw-away profile and a
// function that closes it and removes the profile.
export async function launchChromium({ width = 1280, height = 900 } = {}) {
  const executablePath = candidates.find((p) => p && existsSync(p));
  if (!executablePath) {
    throw new Error('Chromium not found: install it (Debian: apt-get install chromium) or set CHROMIUM to its path');
  }
  const profile = mkdtempSync(join(tmpdir(), 'songs-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width, height },
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}
