// The staff console against WCAG 2.1 AA: axe-core on every page and dialog
// (no violation allowed), the security headers on its pages, and sign-in and
// the room's actions done with the keyboard alone.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { axeViolations, launchBrowser, logIn, newPage, staffSignIn, startServer, startTest } from './harness.mjs';

let server;
let browser;
// EXAM_SCREENSHOTS=DIR keeps a picture of every page (docs/screenshots/ holds some).
const shots = process.env.EXAM_SCREENSHOTS;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  if (shots) mkdirSync(shots, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function check(page, name, failures) {
  await page.waitForLoadState('networkidle');
  await page.locator('.loading').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
  for (const v of await axeViolations(page)) failures.push(`${name}: ${v}`);
  // A label names the first element with its id: two forms on one page must not share one.
  const repeated = await page.evaluate(() => {
    const seen = new Map();
    for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  });
  for (const id of repeated) failures.push(`${name}: the id "${id}" is used more than once`);
  if (shots) await page.screenshot({ path: join(shots, `console-${name}.png`), fullPage: true });
}

test('every page of the console passes axe-core, for each role', async () => {
  const failures = [];
  const { context, page, problems } = await newPage(browser);
  const response = await page.goto(server.base + '/staff/');
  const headers = response.headers();
  assert.match(headers['content-security-policy'], /script-src 'self'/);
  assert.doesNotMatch(headers['content-security-policy'], /unsafe-inline/);
  assert.equal(headers['x-content-type-options'], 'nosniff');
  await page.getByLabel('Username').waitFor();
  await check(page, 'sign-in', failures);

  await staffSignIn(page, server, 'centre.admin');
  const pages = [
    ['sessions', '/centres/1/sessions'],
    ['session', '/sessions/1'],
    ['room', '/sessions/1/room'],
    ['register', '/sessions/1/register'],
    ['slips', '/sessions/1/slips'],
    ['candidates', '/centres/1/candidates'],
    ['import', '/centres/1/candidates/import'],
    ['candidate', '/candidates/1'],
    ['results', '/centres/1/results'],
    ['certificates', '/certificates'],
    ['audit', '/audit'],
    ['staff', '/centres/1/staff'],
    ['not-found', '/candidates/999'],
  ];
  for (const [name, path] of pages) {
    await page.goto(server.base + '/staff' + path);
    await page.locator('h1, .problem').first().waitFor();
    await check(page, name, failures);
  }
  // The candidate page with every section open.
  await page.goto(server.base + '/staff/candidates/1');
  for (const summary of await page.locator('details > summary').all()) await summary.click();
  await page.getByRole('button', { name: /Claim the full certificate/ }).click();
  await page.locator('.error-summary').waitFor();
  await check(page, 'candidate-open', failures);
  await context.close();

  const ao = await newPage(browser);
  await staffSignIn(ao.page, server, 'ao.admin');
  for (const [name, path] of [['centres', '/centres'], ['bank', '/bank'], ['audit-ao', '/audit']]) {
    await ao.page.goto(server.base + '/staff' + path);
    await ao.page.locator('h1').first().waitFor();
    await check(ao.page, name, failures);
  }
  await ao.context.close();
  assert.deepEqual(failures, []);
  assert.deepEqual(problems, []);
});

test("the room's dialogs pass axe-core, and the room is run with the keyboard alone", async () => {
  const failures = [];
  const cand = await newPage(browser);
  await logIn(cand.page, server, '0002');
  await startTest(cand.page);

  const { context, page, problems } = await newPage(browser);
  await page.goto(server.base + '/staff/sessions/1/room');
  // Sign in by keyboard: type, Tab, type, Enter.
  await page.getByLabel('Username').focus();
  await page.keyboard.type('invigilator');
  await page.keyboard.press('Tab');
  await page.keyboard.type('demo-password-2026');
  await page.keyboard.press('Enter');
  await page.getByText('Live: changes show as they happen.').waitFor();
  const ben = page.locator('tbody tr', { has: page.locator('.candidate-number', { hasText: '0002' }) });
  await ben.locator('.state', { hasText: 'In progress' }).waitFor();
  assert.match(await ben.locator('.tag-arrangement').textContent(), /\+25 %/, 'access arrangements are shown');

  // Pause by keyboard: focus the row's button, Enter, type the reason, Enter.
  await ben.getByRole('button', { name: /^Pause/ }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await check(page, 'room-pause-dialog', failures);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'reason', 'focus moves into the dialog');
  await page.keyboard.type('toilet break');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await ben.locator('.state', { hasText: 'Paused' }).waitFor();
  assert.equal(await dialog.count(), 0);

  // Void: needs a reason and a confirmation; Escape leaves without doing it.
  await ben.getByRole('button', { name: /^Void/ }).click();
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Void attempt' }).click();
  await dialog.getByText('Say why the attempt is voided.').waitFor();
  await check(page, 'room-void-dialog-errors', failures);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.match(await ben.locator('.state').textContent(), /Paused/, 'nothing was voided');

  await page.getByRole('button', { name: 'Record an incident' }).click();
  await dialog.waitFor();
  await check(page, 'room-incident-dialog', failures);
  await dialog.getByLabel('What happened').fill('Fire alarm test at 10:05');
  await dialog.getByRole('button', { name: 'Record incident' }).click();
  await page.locator('.incident-list li', { hasText: 'Fire alarm test' }).waitFor();
  await check(page, 'room-live', failures);

  assert.deepEqual(failures, []);
  assert.deepEqual(problems, []);
  await context.close();
  await cand.context.close();
});
