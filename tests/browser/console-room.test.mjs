// The staff console's room, in a real browser against the real server: an
// invigilator and a candidate side by side, the feed cut and restored, and
// a session the invigilator is not assigned to.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { answerWithMouse, launchBrowser, logIn, newPage, staff, staffSignIn, startServer, startTest } from './harness.mjs';

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

function row(page, candidateNumber) {
  return page.locator('tbody tr', { has: page.locator('.candidate-number', { hasText: candidateNumber }) });
}

async function timeLeft(page) {
  const text = await page.locator('#bar').textContent();
  const m = /Time left (\d+):(\d\d)/.exec(text ?? '');
  assert.ok(m, `no clock in: ${text}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

test('the room follows a candidate live: answers, pause, resume and extra time show on both screens', async () => {
  const room = await newPage(browser);
  await staffSignIn(room.page, server, 'invigilator');
  await room.page.getByRole('link', { name: /^Room/ }).first().click();
  await room.page.getByText('Live: changes show as they happen.').waitFor();
  assert.match(await row(room.page, '0001').locator('.cell-connection').textContent(), /Not logged in/);

  const cand = await newPage(browser);
  await logIn(cand.page, server, '0001');
  await startTest(cand.page);
  const amira = row(room.page, '0001');
  await amira.locator('.state', { hasText: 'In progress' }).waitFor({ timeout: 2000 });
  assert.match(await amira.locator('.cell-answered').textContent(), /^0 of 24$/);

  // An answer shows in the room within a second of the candidate's click.
  await answerWithMouse(cand.page);
  const answeredAt = Date.now();
  await amira.locator('.cell-answered', { hasText: '1 of 24' }).waitFor({ timeout: 1000 });
  const latency = Date.now() - answeredAt;
  assert.ok(latency < 1000, `the room showed the answer after ${latency} ms`);

  // Pause from the room, with a reason: the candidate's item disappears.
  await amira.getByRole('button', { name: /^Pause/ }).click();
  const dialog = room.page.getByRole('dialog');
  await dialog.getByLabel(/Reason/).fill('rest break');
  await dialog.getByRole('button', { name: 'Pause candidate' }).click();
  await cand.page.getByRole('heading', { name: 'Your test is paused' }).waitFor({ timeout: 2000 });
  assert.equal(await cand.page.locator('#question-heading').count(), 0, 'no item on the screen while paused');
  await amira.locator('.state', { hasText: 'Paused' }).waitFor({ timeout: 2000 });
  assert.match(await room.page.locator('.notice-success').textContent(), /Paused Amira Hassan/);

  // Resume: the item comes back.
  await amira.getByRole('button', { name: /^Resume/ }).click();
  await cand.page.locator('#question-heading').waitFor({ timeout: 2000 });
  await amira.locator('.state', { hasText: 'In progress' }).waitFor({ timeout: 2000 });

  // Extra time: ten minutes more on both screens.
  const before = await timeLeft(cand.page);
  await amira.getByRole('button', { name: /^Extra time/ }).click();
  await dialog.getByLabel('Minutes to add').fill('10');
  await dialog.getByLabel('Reason').fill('fire alarm');
  await dialog.getByRole('button', { name: 'Add time' }).click();
  await amira.locator('.cell-remaining', { hasText: '+10 min' }).waitFor({ timeout: 2000 });
  await cand.page.waitForFunction(
    (b) => {
      const m = /Time left (\d+):(\d\d)/.exec(document.querySelector('#bar')?.textContent ?? '');
      return m && Number(m[1]) * 60 + Number(m[2]) >= b + 9 * 60;
    },
    before,
    { timeout: 3000 },
  );
  assert.match(await amira.locator('.cell-remaining').textContent(), /^(4[89]|50):\d\d/);

  assert.deepEqual(room.problems, []);
  assert.deepEqual(cand.problems, []);
  await room.context.close();
  await cand.context.close();
});

test('when the feed drops the room says so, reconnects, and shows what changed meanwhile', async () => {
  const { context, page, problems } = await newPage(browser);
  // Every feed connection goes through this route, so the test can cut it as a network would.
  const sockets = [];
  await page.routeWebSocket(/\/api\/v1\/sessions\/\d+\/feed$/, (ws) => {
    const server = ws.connectToServer();
    sockets.push({ ws, server });
  });
  await staffSignIn(page, server, 'invigilator', '/sessions/1/room');
  await page.getByText('Live: changes show as they happen.').waitFor();
  assert.equal(sockets.length, 1);

  // While the room is cut off, a candidate starts elsewhere.
  const invigilator = await staff(server.base);
  sockets[0].ws.close({ code: 4000, reason: 'network gone' });
  await page.getByText(/Connection lost: reconnecting/).waitFor({ timeout: 2000 });
  const cand = await newPage(browser);
  await logIn(cand.page, server, '0003');
  await startTest(cand.page);

  await page.locator('.notice', { hasText: /The connection was lost and is back: the room was refreshed at/ }).waitFor({ timeout: 10_000 });
  await page.getByText('Live: changes show as they happen.').waitFor();
  assert.ok(sockets.length >= 2, 'a new connection was opened');
  await row(page, '0003').locator('.state', { hasText: 'In progress' }).waitFor({ timeout: 1000 });
  const snapshot = await invigilator.get('/api/v1/sessions/1/room');
  const chloe = snapshot.candidates.find((c) => c.candidate_number === '0003');
  assert.equal(chloe.state, 'in_progress', 'the room agrees with the server');

  assert.deepEqual(problems, []);
  await invigilator.dispose();
  await cand.context.close();
  await context.close();
});

test('an invigilator cannot open a session that is not theirs, even by typing its address', async () => {
  const admin = await staff(server.base, 'centre.admin');
  const now = Date.now();
  const other = await admin.post('/api/v1/centres/1/sessions', {
    unit: 'K/602/1597',
    starts_at: new Date(now).toISOString().replace(/\.\d+Z$/, 'Z'),
    ends_at: new Date(now + 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    room: 'Room 9 (not assigned)',
  });
  const { context, page } = await newPage(browser);
  await staffSignIn(page, server, 'invigilator', `/sessions/${other.id}/room`);
  await page.getByRole('heading', { name: 'Not allowed' }).waitFor({ timeout: 5000 });
  assert.match(await page.locator('.problem').textContent(), /cannot be opened/);
  assert.equal(await page.locator('table.room-table').count(), 0);
  // Nor its bookings and keycodes.
  await page.goto(`${server.base}/staff/sessions/${other.id}/slips`);
  await page.getByRole('heading', { name: 'Not found' }).waitFor();
  assert.equal(await page.locator('.keycode').count(), 0);
  // The session list shows only their own sessions.
  await page.goto(`${server.base}/staff/centres/1/sessions`);
  await page.getByRole('heading', { name: 'Your sessions' }).waitFor();
  assert.equal(await page.getByText('Room 9 (not assigned)').count(), 0);
  await admin.dispose();
  await context.close();
});

test('a late booking is admitted from the room and can start at once; voiding from the room stops the test on the candidate screen', async () => {
  const admin = await staff(server.base, 'centre.admin');
  const { candidates } = await admin.post('/api/v1/centres/1/candidates', {
    candidates: [{ candidate_number: '0042', given_name: 'Lena', family_name: 'Kowalski', date_of_birth: '2004-04-04', uln: '9276308686' }],
  });
  await admin.post(`/api/v1/candidates/${candidates[0].id}/registrations`, { qualification: '501/0443/3' });
  const { bookings } = await admin.post('/api/v1/sessions/1/bookings', { candidates: [candidates[0].id] });
  server.keycodes['0042'] = bookings[0].keycode;

  const room = await newPage(browser);
  await staffSignIn(room.page, server, 'invigilator', '/sessions/1/room');
  const lena = row(room.page, '0042');
  await lena.locator('.state', { hasText: 'Booked' }).waitFor();
  assert.equal(await room.page.getByRole('button', { name: /^Admit all waiting \(1\)/ }).count(), 1);

  const cand = await newPage(browser);
  await logIn(cand.page, server, '0042');
  await cand.page.getByRole('heading', { name: 'Before you start' }).waitFor();
  assert.equal(await cand.page.getByRole('button', { name: 'Start the test' }).isDisabled(), true, 'waiting to be admitted');

  await lena.getByRole('button', { name: 'Admit Lena Kowalski' }).click();
  await lena.locator('.state', { hasText: 'Admitted' }).waitFor({ timeout: 2000 });
  await cand.page.getByRole('button', { name: 'Start the test' }).and(cand.page.locator(':enabled')).waitFor({ timeout: 3000 });
  await startTest(cand.page);
  await lena.locator('.state', { hasText: 'In progress' }).waitFor({ timeout: 2000 });

  await lena.getByRole('button', { name: /^Void/ }).click();
  const dialog = room.page.getByRole('dialog');
  await dialog.getByLabel('Reason').fill('candidate taken ill and left the room');
  await dialog.getByLabel('I understand that voiding cannot be undone').check();
  await dialog.getByRole('button', { name: 'Void attempt' }).click();
  await cand.page.getByRole('heading', { name: 'Your test has been stopped' }).waitFor({ timeout: 3000 });
  await lena.locator('.state', { hasText: 'Void' }).waitFor({ timeout: 2000 });
  assert.match(await lena.locator('.cell-state').textContent(), /candidate taken ill/);
  assert.deepEqual(room.problems, []);
  assert.deepEqual(cand.problems, []);
  await admin.dispose();
  await room.context.close();
  await cand.context.close();
});
