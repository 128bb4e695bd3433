// The player and the room: waiting to be admitted, the signals the invigilator
// sees, the time warnings, and a throttled log-in.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { answerWithMouse, candidateApi, heading, launchBrowser, logIn, newPage, staff, startServer, startTest } from './harness.mjs';

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

async function roomRow(invigilator, candidateNumber) {
  const room = await invigilator.get('/api/v1/sessions/1/room');
  return room.candidates.find((c) => c.candidate_number === candidateNumber);
}

test('a candidate not yet admitted sees their access arrangements applied, waits, and can start as soon as the invigilator admits them', async () => {
  const admin = await staff(server.base, 'centre.admin');
  const { candidates } = await admin.post('/api/v1/centres/1/candidates', {
    candidates: [
      { candidate_number: '0005', given_name: 'Erin', family_name: 'Walsh', date_of_birth: '2004-09-09', uln: '1000000035', extra_time_percent: 0 },
    ],
  });
  await admin.post(`/api/v1/candidates/${candidates[0].id}/registrations`, { qualification: '501/0443/3' });
  // Access arrangements: large text on yellow, from the start.
  const arrangement = { display: { text_size: 150, overlay: 'yellow', high_contrast: false, line_spacing: 'wide' } };
  const put = await admin.put(`/api/v1/candidates/${candidates[0].id}/display-arrangement`, arrangement);
  assert.equal(put.display.overlay, 'yellow');
  const { bookings } = await admin.post('/api/v1/sessions/1/bookings', { candidates: [candidates[0].id] });
  server.keycodes['0005'] = bookings[0].keycode;

  const { context, page } = await newPage(browser);
  await logIn(page, server, '0005');
  await page.getByRole('heading', { name: 'Before you start' }).waitFor();
  assert.match(await page.locator('#admission').textContent(), /Waiting for the invigilator/);
  assert.equal(await page.getByRole('button', { name: 'Start the test' }).isDisabled(), true);
  assert.equal(await page.getAttribute('html', 'data-overlay'), 'yellow');
  assert.equal(await page.getAttribute('html', 'data-text-size'), '150');
  assert.equal(await page.getByLabel('Yellow').isChecked(), true);

  const invigilator = await staff(server.base);
  await invigilator.post('/api/v1/sessions/1/admit', { bookings: [bookings[0].id] });
  // Pushed by the feed: no reload, no polling.
  await page.locator('#admission', { hasText: 'let you in' }).waitFor({ timeout: 5000 });
  await startTest(page);
  assert.equal(await heading(page).textContent(), 'Question 1 of 24');
  await admin.dispose();
  await invigilator.dispose();
  await context.close();
});

test('losing focus and hiding the page reach the invigilator, and the candidate carries on', async () => {
  const { context, page } = await newPage(browser);
  await logIn(page, server, '0001');
  await startTest(page);
  await page.evaluate(() => window.dispatchEvent(new Event('blur')));
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  const invigilator = await staff(server.base);
  let row;
  for (let i = 0; i < 50; i++) {
    row = await roomRow(invigilator, '0001');
    // Two separate reports: either may land first.
    if (row.attempt?.irregularities?.page_hidden && row.attempt?.irregularities?.focus_lost) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  // At least once each: headless Chromium may also blur the window on its own.
  assert.ok(row.attempt.irregularities.focus_lost >= 1, JSON.stringify(row.attempt.irregularities));
  assert.ok(row.attempt.irregularities.page_hidden >= 1, JSON.stringify(row.attempt.irregularities));
  await answerWithMouse(page);
  await page.locator('.save-text[data-status="saved"]').waitFor();
  await invigilator.dispose();
  await context.close();
});

test('the 10-minute warning reaches screen readers through the polite live region, and hiding the time', async () => {
  const { context, page } = await newPage(browser);
  await logIn(page, server, '0003');
  await startTest(page);
  assert.equal(await page.locator('#announcer').getAttribute('aria-live'), 'polite');
  await page.getByRole('button', { name: 'Hide time' }).click();
  assert.equal(await page.locator('.time-text').textContent(), 'Time hidden');
  await page.getByRole('button', { name: 'Show time' }).click();
  // 40 minutes allowed: 30 and a half pass on the server; the next heartbeat (every 10 s) brings the page the news.
  await server.advance(30 * 60_000 + 30_000);
  await page.locator('#announcer', { hasText: '10 minutes left.' }).waitFor({ timeout: 25_000 });
  assert.match(await page.locator('.time-text').textContent(), /Time left 9:\d\d/);
  const status = await candidateApi(page, '/api/v1/attempt');
  assert.ok(status.remaining_seconds <= 570);
  await context.close();
});

test('repeated wrong keycodes are throttled by the server and the page says so, without saying which detail was wrong', async () => {
  const { context, page } = await newPage(browser);
  await page.goto(server.base + '/');
  const messages = new Set();
  for (let i = 0; i < 20; i++) {
    await page.getByLabel('Centre number').fill('90001');
    await page.getByLabel('Candidate number').fill('0004');
    await page.getByLabel('Keycode').fill(`WRONG${String(i).padStart(3, '0')}`);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.locator('#login-error:not(:empty)').waitFor();
    await page.getByRole('button', { name: 'Log in' }).waitFor({ state: 'visible' });
    await page.waitForFunction(() => !document.querySelector('form.login button')?.disabled);
    const text = await page.locator('#login-error').textContent();
    messages.add(text);
    if (/Too many tries/.test(text)) break;
  }
  const texts = [...messages];
  assert.ok(texts.some((t) => /Too many tries: wait \d+ seconds/.test(t)), texts.join(' | '));
  assert.ok(texts.includes('These details do not match a test booked for now. Check all three with the invigilator and try again.'));
  for (const t of texts) assert.doesNotMatch(t, /keycode is wrong|candidate number is wrong|centre number is wrong/i);
  await context.close();
});
