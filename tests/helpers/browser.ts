import { chromium, type Browser, type Page } from 'playwright-core';

/** Path of Debian's Chromium; CI installs it with apt. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches headless Chromium with the flags this machine's closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
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

/** What {@link watchPage} records. */
export interface WatchOptions {
  /** Console errors and uncaught exceptions (default true). */
  errors?: boolean;
  /** Violations of the Content-Security-Policy, from the first script of every document on. */
  cspViolations?: boolean;
  /** Responses with a status of 400 or more. */
  failedResponses?: boolean;
  /** Requests to anywhere but this origin (a URL prefix such as `http://127.0.0.1:8080/`). */
  onlyOrigin?: string;
  /** Alert, confirm and prompt dialogs, which are dismissed. */
  dialogs?: boolean;
}

/** Starts recording a page's problems as readable lines; returns the live list, which a clean page leaves empty. */
export async function watchPage(page: Page, options: WatchOptions = {}): Promise<string[]> {
  const problems: string[] = [];
  if (options.errors !== false) {
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
  }
  if (options.cspViolations) {
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
  }
  if (options.failedResponses) {
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });
  }
  const origin = options.onlyOrigin;
  if (origin !== undefined) {
    page.on('request', (request) => {
      if (!request.url().startsWith(origin)) problems.push(`request: ${request.url()}`);
    });
  }
  if (options.dialogs) {
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
  }
  return problems;
}
