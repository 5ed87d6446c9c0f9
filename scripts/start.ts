// npm start: build both extensions, serve the demo article of the seed story on loopback and
// open Chromium with Parallax loaded on it.
//   npm start                                    a browser window (needs a display)
//   npm start -- --headless --screenshot out.png no display: save what the reader would see
//   npm start -- --no-build                      reuse the last build
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { bin, mustRun } from './run';
import { launchWithExtension, startFixtureServer, FIXTURES_DIR } from '../tests/e2e/harness';

const USAGE = 'usage: npm start -- [--headless] [--screenshot FILE.png] [--page PATH] [--no-build]';

let options;
try {
  options = parseArgs({
    options: {
      headless: { type: 'boolean', default: false },
      screenshot: { type: 'string' },
      page: { type: 'string', default: '/seed/nyt-001.html' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

let headless = options.headless;
if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log('No display found: running headless. Add --screenshot FILE.png to see the page.');
  headless = true;
}
const screenshot = options.screenshot ?? (headless ? 'test-results/start.png' : undefined);

if (!options['no-build']) await mustRun('build', bin('tsx'), ['scripts/build.ts']);

const server = await startFixtureServer([FIXTURES_DIR]);
const browser = await launchWithExtension('chromium', { headless });
const stop = async () => {
  await browser.close();
  await server.close();
};
process.on('SIGINT', () => void stop().then(() => process.exit(130)));

try {
  const url = server.url(options.page);
  const page = await browser.newPage(url);
  console.log(`Demo article: ${url}`);
  // Wait for Parallax to finish with the page, whatever the outcome; a page still `working`
  // after the wait is shown as it is and reported as a failure.
  const settled = await page
    .waitFor(() => ['ready', 'no-coverage', 'no-article', 'error'].includes(document.documentElement.dataset.parallaxState ?? ''), undefined, 30_000)
    .then(() => true, () => false);
  const state = await page.evaluate(() => ({
    state: document.documentElement.dataset.parallaxState,
    error: document.documentElement.dataset.parallaxError,
  }));
  console.log(`Parallax state: ${state.state}${state.error ? ` (${state.error})` : ''}`);
  if (screenshot) {
    await page.setViewport(1280, 900);
    await (page.raw as import('playwright-core').Page).screenshot({ path: resolve(screenshot) });
    console.log(`Screenshot: ${resolve(screenshot)}`);
  }
  if (!settled) {
    console.error('Parallax did not finish analyzing the page within 30 s.');
    process.exitCode = 1;
  }
  if (headless) {
    await stop();
  } else {
    console.log('Close the browser window (or press Ctrl+C) to stop.');
    await new Promise<void>((done) => (browser.raw as import('playwright-core').BrowserContext).on('close', () => done()));
    await server.close();
  }
} catch (error) {
  console.error(`npm start failed: ${(error as Error).message}`);
  await stop();
  process.exit(1);
}
