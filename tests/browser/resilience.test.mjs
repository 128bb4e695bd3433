// The player through what happens in a real room: a reload, another computer,
// the network dropping, the invigilator pausing, and time running out.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  answerWithMouse,
  candidateApi,
  heading,
  launchBrowser,
  logIn,
  newPage,
  staff,
  startServer,
  startTest,
} from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function next(page, n) {
  await page.getByRole('button', { name: 'Next' }).click();
  await page.waitForFunction((k) => document.getElementById('question-heading')?.textContent?.startsWith(`Question ${k} `), n);
}

test('a reload, and a second browser, carry on at the same item with every saved answer, flag and setting', async () => {
  const { context, page } = await newPage(browser);
  await logIn(page, server, '0001');
  await startTest(page);
  const chosen = [];
  for (let i = 0; i < 3; i++) {
    chosen.push(await answerWithMouse(page));
    if (i === 2) await page.getByRole('button', { name: 'Flag for review' }).click();
    await next(page, i + 2);
  }
  await page.locator('.save-text[data-status="saved"]').waitFor();

  await page.getByRole('button', { name: 'Display settings' }).click();
  await page.locator('#settings-panel').getByLabel('Cream').check();
  await page.reload();
  await heading(page).waitFor();
  assert.equal(await heading(page).textContent(), 'Question 4 of 24', 'the same item after a reload');
  assert.equal(await page.getAttribute('html', 'data-overlay'), 'cream', 'the same settings after a reload');
  const kept = page.waitForResponse((r) => r.url().endsWith('/api/v1/attempt/player-state') && r.request().method() === 'PUT');
  await page.getByRole('button', { name: /^Question 3,/ }).click();
  await kept;
  assert.deepEqual(await page.locator('label.option input:checked').evaluateAll((els) => els.map((e) => e.value)), chosen[2]);
  assert.equal(await page.getByRole('button', { name: 'Flagged for review' }).count(), 1);
  await context.close();

  // Another computer: a new profile logs in with the same details, and finds
  // the item last on screen, the settings, the answers and the flag.
  const second = await newPage(browser);
  await logIn(second.page, server, '0001');
  await heading(second.page).waitFor();
  assert.equal(await heading(second.page).textContent(), 'Question 3 of 24');
  assert.equal(await second.page.getAttribute('html', 'data-overlay'), 'cream');
  assert.equal(await second.page.locator('.nav-item.answered').count(), 3);
  assert.equal(await second.page.locator('.nav-item.flagged').count(), 1);
  await second.page.getByRole('button', { name: /^Question 1,/ }).click();
  assert.deepEqual(
    await second.page.locator('label.option input:checked').evaluateAll((els) => els.map((e) => e.value)),
    chosen[0],
  );
  assert.match(await second.page.locator('.time-text').textContent(), /Time left \d+:\d\d/);
  await second.context.close();
});

test('offline: three answers are held on this computer, then reach the server in order', async () => {
  const { context, page } = await newPage(browser);
  await logIn(page, server, '0002');
  await startTest(page);
  const puts = [];
  page.on('request', (r) => {
    if (r.method() === 'PUT') puts.push(JSON.parse(r.postData()).sequence);
  });

  await context.setOffline(true);
  const chosen = [];
  for (let i = 0; i < 3; i++) {
    chosen.push(await answerWithMouse(page));
    await next(page, i + 2);
  }
  await page.locator('.save-text[data-status="held"]').waitFor();
  assert.match(await page.locator('.save-text').textContent(), /Connection lost: 3 changes held on this computer/);
  assert.match(await page.locator('#announcer').textContent(), /connection to the server is lost/);

  await context.setOffline(false);
  await page.locator('.save-text[data-status="saved"]').waitFor({ timeout: 30_000 });
  const { items } = await candidateApi(page, '/api/v1/attempt/items');
  for (let i = 0; i < 3; i++) assert.deepEqual([...items[i].response.selected].sort(), [...chosen[i]].sort());
  const sequences = items.slice(0, 3).map((it) => it.response.sequence);
  assert.deepEqual([...sequences].sort((a, b) => a - b), sequences, 'saved in the order they were made');
  const delivered = puts.filter((s) => sequences.includes(s));
  assert.deepEqual(delivered.slice(-3), sequences, 'sent in order once the connection returned');
  await context.close();
});

test('paused by the invigilator: the item disappears and comes back without a reload', async () => {
  const { context, page } = await newPage(browser);
  await logIn(page, server, '0003');
  await startTest(page);
  await answerWithMouse(page);
  await next(page, 2);
  await page.evaluate(() => (window.__sameDocument = true));
  const { attempt } = await candidateApi(page, '/api/v1/attempt');
  const invigilator = await staff(server.base);

  await invigilator.post(`/api/v1/attempts/${attempt}/pause`, { reason: 'fire alarm test' });
  await page.getByRole('heading', { name: 'Your test is paused' }).waitFor({ timeout: 5000 });
  assert.equal(await page.locator('fieldset, .navigator, .option, #question-heading').count(), 0, 'nothing of the test stays');
  assert.equal(await page.locator('#bar').isVisible(), false);

  await invigilator.post(`/api/v1/attempts/${attempt}/resume`);
  await heading(page).waitFor({ timeout: 5000 });
  assert.equal(await heading(page).textContent(), 'Question 2 of 24');
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
  await invigilator.dispose();
  await context.close();
});

test('time runs out: the server submits the attempt and the end screen shows', async () => {
  const { context, page } = await newPage(browser);
  await logIn(page, server, '0004');
  await startTest(page);
  await answerWithMouse(page);
  await page.locator('.save-text[data-status="saved"]').waitFor();
  // 40 minutes allowed: the server's clock moves past them.
  await server.advance(41 * 60_000);
  await page.getByRole('heading', { name: 'Your test has been submitted' }).waitFor({ timeout: 10_000 });
  const status = await candidateApi(page, '/api/v1/attempt');
  assert.equal(status.submitted_by, 'time_out');
  await context.close();
});
