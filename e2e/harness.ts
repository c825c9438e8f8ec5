// Browser-test harness: the built web app, a real server on a temporary SQLite database with a
// fixed clock, headless Chromium, and axe-core. Each spec file starts one server and one
// browser; each test builds its own district and uses its own browser context.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import axeCore from 'axe-core';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { build } from 'vite';
import { afterAll, expect } from 'vitest';
import type { App } from '../src/server/platform/http/app.js';
import type { Db } from '../src/server/platform/db/database.js';
import { buildTestApp, openTestDb } from '../test/harness.js';

const REPO_ROOT = resolve(import.meta.dirname, '..');
const CHROMIUM_PATH = '/usr/bin/chromium';

/** The server's "today" (a Monday) and "now" (9:00 in the district's America/Chicago). The
 * browser's own clock is real time; the server decides what today is. */
export const TODAY = '2026-11-23';
export const NOW = new Date('2026-11-23T15:00:00Z');

/** False when Chromium is missing: the suite is skipped, except in CI, where it fails. */
export const browserAvailable: boolean = (() => {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI) {
    throw new Error(
      `Browser tests cannot run: ${CHROMIUM_PATH} does not exist, and CI may not skip them.`,
    );
  }
  console.warn(
    `Skipping browser tests: ${CHROMIUM_PATH} does not exist. Install Chromium to run them.`,
  );
  return false;
})();

// ---------------------------------------------------------------------------------------------
// Building the web app. Spec files run in parallel processes; the first to need a build takes a
// lock (an atomic mkdir), builds into dist/web and writes a stamp naming the sources it built;
// the others wait, then reuse it. An unchanged tree is not rebuilt on the next run either.

const WEB_INPUTS = [
  'src/web',
  'src/contracts',
  'src/domain',
  'vite.config.ts',
  'package-lock.json',
];
const OUT_DIR = resolve(REPO_ROOT, 'dist/web');
const STAMP = resolve(REPO_ROOT, 'dist/.web-build-stamp');
const LOCK = resolve(REPO_ROOT, 'dist/.web-build-lock');

function listFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => listFiles(join(path, name)));
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Names the sources and the built index.html (whose asset names change with any rebuild). */
function currentStamp(): string {
  const hash = createHash('sha256');
  for (const file of WEB_INPUTS.flatMap((p) => listFiles(resolve(REPO_ROOT, p)))) {
    hash.update(relative(REPO_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  const index = resolve(OUT_DIR, 'index.html');
  return `${hash.digest('hex')} ${existsSync(index) ? sha256(readFileSync(index)) : 'none'}`;
}

function stampIsCurrent(): boolean {
  return existsSync(STAMP) && readFileSync(STAMP, 'utf8') === currentStamp();
}

function lockIsStale(): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
  } catch {
    // No pid yet: the owner is between mkdir and writing it, unless that was long ago.
    try {
      return Date.now() - statSync(LOCK).mtimeMs > 10_000;
    } catch {
      return false; // the lock vanished meanwhile
    }
  }
  try {
    process.kill(pid, 0); // signal 0 only checks that the process exists
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

async function withBuildLock(fn: () => Promise<void>): Promise<void> {
  mkdirSync(resolve(REPO_ROOT, 'dist'), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (lockIsStale()) {
      rmSync(LOCK, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for another web build (${LOCK}).`);
    await new Promise((r) => setTimeout(r, 200));
  }
  writeFileSync(join(LOCK, 'pid'), String(process.pid));
  try {
    await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Builds the web app into dist/web unless it is already built from the current sources. */
export async function buildWebApp(): Promise<string> {
  if (stampIsCurrent()) return OUT_DIR;
  await withBuildLock(async () => {
    if (stampIsCurrent()) return; // built by another spec file while this one waited
    rmSync(STAMP, { force: true });
    console.info(
      `Building the web app into ${relative(REPO_ROOT, OUT_DIR)} for the browser tests (pid ${process.pid}).`,
    );
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ configFile: resolve(REPO_ROOT, 'vite.config.ts'), logLevel: 'warn' });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    writeFileSync(STAMP, currentStamp());
  });
  return OUT_DIR;
}

// ---------------------------------------------------------------------------------------------
// Server and browser.

export interface Harness {
  db: Db;
  app: App;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/** The web app built, a migrated database, the app listening on a free port, and Chromium. */
export async function startHarness(): Promise<Harness> {
  const webRoot = await buildWebApp();
  const dir = mkdtempSync(join(tmpdir(), 'rapport-e2e-'));
  const db = await openTestDb({ dialect: 'sqlite', path: join(dir, 'e2e.db') });
  const app = await appServing(db, webRoot);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    db,
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close();
      await app.close();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The app as production builds it, serving the built web app from `webRoot`. */
function appServing(db: Db, webRoot: string): Promise<App> {
  return buildTestApp(db, { now: () => new Date(NOW), webRoot });
}

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors thrown in the page; a test asserts there were none. */
  pageErrors: string[];
}

// ---------------------------------------------------------------------------------------------
// Every page a spec file visits runs axe (issue 13): the harness records each page a browser
// context navigates to, by who is signed in there and the route (ids and link codes as ":id"),
// and each page axe ran on; after the file's tests, a page axe never checked fails the file,
// naming it. "/" is a different page for a teacher and for a leader, so each is checked.

const SIGNED_OUT = 'signed out';
const visitedPages = new Map<string, string>();
const auditedPages = new Set<string>();
const pendingVisits: Promise<void>[] = [];
/** Who is signed in in a context, from the session responses it has seen. */
const contextRoles = new WeakMap<BrowserContext, { role: Promise<string> }>();

/** A URL's route: its path with ids, link codes and tokens as ":id". */
export function routeOf(url: string): string {
  const { pathname } = new URL(url);
  return pathname
    .split('/')
    .map((seg) => (/\d/.test(seg) && seg.length >= 16 ? ':id' : seg))
    .join('/');
}

function roleOf(context: BrowserContext): Promise<string> {
  return contextRoles.get(context)?.role ?? Promise.resolve(SIGNED_OUT);
}

/** A visited page's key: the role and the route. The sign-in page is the same page whoever was
 * signed in last (a session that ended shows it before the harness hears the 401), so it is
 * keyed as signed out. */
function visitKey(role: string, url: string): string {
  const route = routeOf(url);
  return `${route === '/sign-in' ? SIGNED_OUT : role} ${route}`;
}

async function pageKey(page: Page): Promise<string> {
  return visitKey(await roleOf(page.context()), page.url());
}

async function trackContext(context: BrowserContext): Promise<void> {
  const tracked = { role: Promise.resolve(SIGNED_OUT) };
  contextRoles.set(context, tracked);
  context.on('response', (res) => {
    const path = new URL(res.url()).pathname;
    if (path === '/api/auth/sign-out' && res.ok()) tracked.role = Promise.resolve(SIGNED_OUT);
    else if (path === '/api/auth/sign-in' || path === '/api/auth/session') {
      if (res.status() === 200) {
        const before = tracked.role;
        tracked.role = res
          .json()
          .then((body: { user: { role: string } }) => body.user.role)
          .catch(() => before);
      } else if (path === '/api/auth/session' && res.status() === 401)
        tracked.role = Promise.resolve(SIGNED_OUT);
    }
  });
  // A page is visited when it shows its heading at a URL: a redirect that shows none ("/" to
  // the sign-in page when signed out) is a pass-through, not a visit. The page reports each
  // URL at which an <h1> is in the document.
  await context.exposeBinding('__rapportVisited', (_source, url: string) => {
    pendingVisits.push(
      roleOf(context).then((role) => {
        const key = visitKey(role, url);
        if (!visitedPages.has(key)) visitedPages.set(key, url);
      }),
    );
  });
  await context.addInitScript(() => {
    let reported = '';
    const report = () => {
      if (location.href === reported || !document.querySelector('h1')) return;
      reported = location.href;
      (window as unknown as { __rapportVisited?: (url: string) => void }).__rapportVisited?.(
        location.href,
      );
    };
    new MutationObserver(report).observe(document, { childList: true, subtree: true });
  });
}

afterAll(async () => {
  await Promise.all(pendingVisits);
  const unchecked = [...visitedPages.entries()].filter(([key]) => !auditedPages.has(key));
  expect(
    unchecked.map(([key, url]) => `${key} (first visited at ${url})`),
    'pages this spec file visited without running axe on them (expectNoAxeViolations)',
  ).toEqual([]);
});

/** A fresh context (its own cookies and storage) and page. */
export async function openPage(
  h: Harness,
  opts: { viewport?: { width: number; height: number } } = {},
): Promise<TestPage> {
  const context = await h.browser.newContext({
    baseURL: h.baseUrl,
    viewport: opts.viewport ?? { width: 1024, height: 768 },
    locale: 'en-US',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(10_000);
  await trackContext(context);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page, pageErrors };
}

// ---------------------------------------------------------------------------------------------
// Assertions.

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe-core on the page as it is now; fails listing each violation and where it is. */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
  auditedPages.add(await pageKey(page));
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.addScriptTag({ content: axeCore.source });
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: typeof axeCore }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  }, AXE_TAGS);
  const report = violations
    .map((v) => `  ${v.id} (${v.impact}): ${v.help}\n    at ${v.targets.join('\n    at ')}`)
    .join('\n');
  expect(violations, `axe violations on ${label}:\n${report}`).toEqual([]);
}

/** Waits until the locator's text contains `expected` (or fails with the text it had). */
export async function expectText(locator: Locator, expected: string): Promise<void> {
  await expect
    .poll(async () => (await locator.textContent()) ?? '', { timeout: 10_000 })
    .toContain(expected);
}

/** Waits until the locator's text no longer contains `unexpected`. */
export async function expectNoText(locator: Locator, unexpected: string): Promise<void> {
  await expect
    .poll(async () => (await locator.textContent()) ?? '', { timeout: 10_000 })
    .not.toContain(unexpected);
}

/** The page does not scroll sideways (the layout fits the viewport); names what sticks out. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth, overflowing } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const overflowing = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${el.className} (right edge ${Math.round(el.getBoundingClientRect().right)})`,
      );
    return { scrollWidth: document.documentElement.scrollWidth, clientWidth: width, overflowing };
  });
  expect(
    scrollWidth,
    `page is ${scrollWidth}px wide in a ${clientWidth}px viewport: ${overflowing.join(', ')}`,
  ).toBeLessThanOrEqual(clientWidth);
}

/** What has keyboard focus: its tag, its accessible-ish name, and its focus outline. */
export async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return { tag: '', name: '', id: '', outline: 'none' };
    const labelled = (el as HTMLInputElement).labels?.[0]?.textContent;
    const name = (el.getAttribute('aria-label') ?? labelled ?? el.textContent ?? '')
      .replace(/\s+/g, ' ')
      .trim();
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      name,
      id: el.id,
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
    };
  });
}

/** Presses Tab until the focused element's name matches; fails listing what it passed. */
export async function tabTo(
  page: Page,
  name: string | RegExp,
  opts: { max?: number; shift?: boolean } = {},
) {
  const seen: string[] = [];
  const matches = (n: string) => (typeof name === 'string' ? n.startsWith(name) : name.test(n));
  for (let i = 0; i < (opts.max ?? 40); i++) {
    await page.keyboard.press(opts.shift ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    if (matches(f.name)) return f;
    seen.push(`${f.tag} "${f.name.slice(0, 40)}"`);
  }
  throw new Error(`Tab never reached ${String(name)}; passed: ${seen.join(', ')}`);
}

/** Signs in through the sign-in page as a user would (the page that follows is theirs to wait for). */
export async function signInThroughPage(
  page: Page,
  account: { username: string; password: string },
): Promise<void> {
  await page.goto('/sign-in');
  // The sign-in page is checked once per spec file, the first time a test passes through it.
  if (!auditedPages.has(`${SIGNED_OUT} /sign-in`)) {
    await page.getByLabel('Username or email').waitFor();
    await expectNoAxeViolations(page, 'sign-in page');
  }
  await page.getByLabel('Username or email').fill(account.username);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Until the app leaves the sign-in page, "the page's heading" is still the sign-in page's.
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}
