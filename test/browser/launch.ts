/**
 * Which Chromium the browser tests drive, and how it is started.
 *
 * The suite must pass on a machine with only Node 20 and npm (no apt-get, no download
 * outside npm), so the choice is:
 *   1. Debian's `/usr/bin/chromium` when it is installed (a full browser, kept up to date by the OS);
 *   2. otherwise the headless shell shipped inside the npm package `@sparticuz/chromium`
 *      (pinned at 143.0.0, its last release that supports Node 20), unpacked on first use
 *      into the temp folder and reused afterwards.
 * Either way the browser is driven by playwright-core.
 */
import { existsSync } from 'node:fs';
import { chromium as playwright, type Browser } from 'playwright-core';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Flags for a test browser: no background traffic, so the "offline page" checks see only the page's own requests. */
const QUIET_ARGS = ['--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** Where the browser comes from and how to start it. */
interface BrowserChoice {
  name: string;
  executablePath: string;
  args: string[];
}

async function chooseBrowser(): Promise<BrowserChoice> {
  if (existsSync(DEBIAN_CHROMIUM)) {
    return { name: `Debian's chromium (${DEBIAN_CHROMIUM})`, executablePath: DEBIAN_CHROMIUM, args: ['--no-sandbox', '--disable-gpu', ...QUIET_ARGS] };
  }
  // Imported only here: unpacking the shell costs a second or two, wasted when Debian's browser is there.
  const { default: packaged } = await import('@sparticuz/chromium');
  // The package's flags are tuned for AWS Lambda; --single-process there makes closing a page's
  // context close the whole browser under playwright, so the second page would find it gone.
  const args = packaged.args.filter((a) => a !== '--single-process');
  return { name: 'the chromium of the npm package @sparticuz/chromium', executablePath: await packaged.executablePath(), args: [...args, ...QUIET_ARGS] };
}

/** Start a headless Chromium, or throw an Error that says which browser failed and why. */
export async function launchBrowser(): Promise<Browser> {
  let choice: BrowserChoice | undefined;
  try {
    choice = await chooseBrowser();
    return await playwright.launch({ executablePath: choice.executablePath, headless: true, args: choice.args });
  } catch (e) {
    const what = choice ? `${choice.name} at ${choice.executablePath} did not start` : 'the chromium of @sparticuz/chromium could not be unpacked';
    throw new Error(`No browser for the browser tests: ${what}: ${(e as Error).message}. Install Debian's chromium, or run \`npm ci\` so that @sparticuz/chromium is present.`);
  }
}

/**
 * A browser started once for a test file. `get()` throws the launch failure, so that every test
 * that needs the browser fails with the reason (a failing beforeAll would only mark them "skipped").
 */
export class SharedBrowser {
  private browser: Browser | undefined;
  private failure: Error | undefined;

  /** Call from beforeAll: never throws. */
  async start(): Promise<void> {
    try {
      this.browser = await launchBrowser();
    } catch (e) {
      this.failure = e as Error;
    }
  }

  /** The running browser, or the launch failure thrown. */
  get(): Browser {
    if (this.browser) return this.browser;
    throw this.failure ?? new Error('the browser was not started: call start() in beforeAll');
  }

  async close(): Promise<void> {
    await this.browser?.close();
  }
}
