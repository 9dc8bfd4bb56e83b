import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Debian's Chromium, or a browser Playwright installed; otherwise a message saying how to get one. */
export function findChromium(): string {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  for (const p of SYSTEM_CHROMIUMS) if (existsSync(p)) return p;
  const cache = join(homedir(), '.cache', 'ms-playwright');
  if (existsSync(cache)) {
    for (const dir of readdirSync(cache)
      .filter((d) => d.startsWith('chromium'))
      .sort()
      .reverse()) {
      const exe = join(cache, dir, 'chrome-linux', 'chrome');
      if (existsSync(exe)) return exe;
    }
  }
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one: on Debian/Ubuntu `sudo apt-get install -y chromium`, ' +
      'or `npx playwright install chromium` where downloads are allowed, or set CHROMIUM_PATH to a Chrome/Chromium binary.',
  );
}

/** How the tests and the benchmark launch Chromium: the desk's size, zone and language; no network chatter. */
export const LAUNCH_OPTIONS = {
  headless: true,
  viewport: { width: 1440, height: 900 },
  timezoneId: 'America/Chicago',
  locale: 'en-US',
  // Without the background-networking flags Chromium's connections are refused by a closed network, many at a time.
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
