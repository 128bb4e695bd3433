// What every browser test needs: a real exam-server (browser_test_server: TLS
// on an ephemeral port, a SQLite file in a temporary folder, the demo data, a
// clock the test moves), Debian's Chromium driven by playwright-core, and
// helpers for the candidate's screens. ctest passes the paths in the
// environment (tests/browser/browser_tests.cmake).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests through ctest (scripts/test.sh)`);
  return value;
}

// playwright-core and axe-core come from candidate-client's committed lockfile.
const requireFromClient = createRequire(join(resolve(required('EXAM_CLIENT_MODULES')), 'noop.js'));
const { chromium, request } = requireFromClient('playwright-core');
export const axeSource = readFileSync(requireFromClient.resolve('axe-core/axe.min.js'), 'utf8');

export async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'exam-browser-'));
  const child = spawn(required('EXAM_TEST_SERVER'), [join(dir, 'data'), required('EXAM_CLIENT_DIR'), required('EXAM_STAFF_DIR')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const waiting = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const nextLine = () =>
    new Promise((resolve, reject) => {
      waiting.push(resolve);
      child.once('exit', (code) => reject(new Error(`browser_test_server exited with ${code}`)));
    });
  const hello = JSON.parse(await nextLine());
  const base = `https://127.0.0.1:${hello.port}`;
  return {
    base,
    keycodes: hello.keycodes,
    // Moves the server's clock on and submits attempts whose time is up.
    async advance(ms) {
      child.stdin.write(`advance ${ms}\n`);
      const answer = await nextLine();
      if (!answer.startsWith('ok')) throw new Error(answer);
    },
    async stop() {
      child.stdin.end();
      await new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

// A fresh browser profile, like another computer.
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: 'en-GB',
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  return { context, page, problems };
}

// The staff side, over the API: log in and call endpoints as the invigilator.
export async function staff(base, username = 'invigilator') {
  const api = await request.newContext({ baseURL: base, ignoreHTTPSErrors: true });
  const login = await api.post('/api/v1/auth/login', { data: { username, password: 'demo-password-2026' } });
  if (!login.ok()) throw new Error(`staff log-in failed: ${login.status()} ${await login.text()}`);
  const { token } = await login.json();
  const headers = { authorization: `Bearer ${token}` };
  return {
    async post(path, data = {}) {
      const r = await api.post(path, { data, headers });
      if (!r.ok()) throw new Error(`${path}: ${r.status()} ${await r.text()}`);
      return r.json();
    },
    async put(path, data) {
      const r = await api.put(path, { data, headers });
      if (!r.ok()) throw new Error(`${path}: ${r.status()} ${await r.text()}`);
      return r.json();
    },
    async get(path) {
      const r = await api.get(path, { headers });
      if (!r.ok()) throw new Error(`${path}: ${r.status()} ${await r.text()}`);
      return r.json();
    },
    dispose: () => api.dispose(),
  };
}

// Signs in to the staff console at /staff/ and waits for its first page.
export async function staffSignIn(page, server, username, path = '/') {
  await page.goto(server.base + '/staff' + path);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('demo-password-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

// Runs axe-core on the page as it is; the violations, worded for a failure message.
export async function axeViolations(page) {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
  });
  return found;
}

// Calls the candidate API with the token the page holds, to see what the server has.
export async function candidateApi(page, path) {
  return page.evaluate(async (p) => {
    const token = sessionStorage.getItem('exam-player:token');
    const r = await fetch(p, { headers: { authorization: `Bearer ${token}` } });
    return r.json();
  }, path);
}

export async function logIn(page, server, candidate) {
  await page.goto(server.base + '/');
  await page.getByLabel('Centre number').fill('90001');
  await page.getByLabel('Candidate number').fill(candidate);
  await page.getByLabel('Keycode').fill(server.keycodes[candidate]);
  await page.getByRole('button', { name: 'Log in' }).click();
}

export async function startTest(page) {
  await page.getByRole('button', { name: 'Start the test' }).click();
  await page.locator('#question-heading').waitFor();
}

export function heading(page) {
  return page.locator('#question-heading');
}

// Answers the item on screen with the mouse: the first option, or the first
// `choose` options of a multiple-response item. Returns what it chose.
export async function answerWithMouse(page) {
  const choose = await page.locator('.choose').count();
  const n = choose ? Number((await page.locator('.choose').textContent()).replace(/\D/g, '')) : 1;
  const labels = page.locator('label.option');
  const chosen = [];
  for (let i = 0; i < n; i++) {
    await labels.nth(i).click();
    chosen.push(await labels.nth(i).locator('input').getAttribute('value'));
  }
  return chosen;
}

// Every key in the bank, and the rationale texts that would give a key away.
export function bankSecrets() {
  const dir = required('EXAM_BANK_ITEMS');
  const rationales = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const doc = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    for (const item of doc.items ?? []) if (item.rationale) rationales.push(item.rationale);
  }
  return { rationales };
}

// Collects every HTTP response body and WebSocket frame the page receives.
export function recordReceived(page) {
  const received = [];
  const pending = [];
  page.on('response', (r) => {
    pending.push(
      r
        .text()
        .then((body) => received.push({ url: r.url(), body }))
        .catch(() => undefined),
    );
  });
  page.on('websocket', (ws) => ws.on('framereceived', (f) => received.push({ url: ws.url(), body: String(f.payload) })));
  return {
    async all() {
      await Promise.all(pending);
      return received;
    },
  };
}

// Fails with the offending response if any body names a key or a rationale.
export function findKeys(received) {
  const { rationales } = bankSecrets();
  const found = [];
  for (const { url, body } of received) {
    if (/"(key|keys|correct|rationale)"\s*:/.test(body)) found.push(`${url}: a key field`);
    for (const r of rationales) if (body.includes(r.slice(0, 60))) found.push(`${url}: a rationale`);
  }
  return found;
}
