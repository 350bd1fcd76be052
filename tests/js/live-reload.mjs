// Opens pages of a running `planpress serve` in headless Chromium and
// reports, one JSON line each, when a page reloads by itself: the browser
// side of tests/serve.rs.
//
//   node tests/js/live-reload.mjs URL PAGE…
//
// Prints {"ready": true} once every page has loaded and is listening for
// reloads; then, for each reload, {"page": PAGE, "loads": N, "h1": TEXT}.
// Exits when its standard input closes.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const CHROMIUM = process.env.PLANPRESS_CHROMIUM || '/usr/bin/chromium';
const [origin, ...pages] = process.argv.slice(2);

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
  timeout: 60_000,
});
const say = (obj) => process.stdout.write(JSON.stringify(obj) + '\n');
for (const name of pages) {
  const page = await browser.newPage();
  let loads = 0;
  page.on('load', async () => {
    loads += 1;
    if (loads > 1) {
      const h1 = await page.textContent('h1').catch(() => null);
      say({ page: name, loads, h1 });
    }
  });
  // Listening: the event stream has been asked for.
  const listening = page.waitForRequest((r) => r.url().endsWith('/__planpress/events'));
  await page.goto(`${origin}/${name}`);
  await listening;
}
say({ ready: true });
process.stdin.resume();
process.stdin.on('end', async () => {
  await browser.close();
  process.exit(0);
});
