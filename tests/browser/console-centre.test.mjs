// The staff console's centre pages, in a real browser against the real
// server: another centre's records stay out of reach however the address is
// typed, a CSV import is all or nothing, claims follow the rules of
// combination, results download as CSV, and an expired session loses nothing typed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';

import { launchBrowser, newPage, staff, staffSignIn, startServer } from './harness.mjs';

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

// What the server says to the page's own token: the page cannot get round it.
async function statusWithPageToken(page, method, path, body) {
  return page.evaluate(
    async ([m, p, b]) => {
      const token = sessionStorage.getItem('exam-staff:token');
      const r = await fetch(p, {
        method: m,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: b === null ? undefined : JSON.stringify(b),
      });
      return r.status;
    },
    [method, path, body ?? null],
  );
}

test("a centre admin cannot reach another centre's candidate, results or claims, even by typing the address", async () => {
  const ao = await staff(server.base, 'ao.admin');
  const centre = await ao.post('/api/v1/centres', { number: '90002', name: 'Hillside Academy' });
  const { candidates } = await ao.post(`/api/v1/centres/${centre.id}/candidates`, {
    candidates: [{ candidate_number: '0001', given_name: 'Other', family_name: 'Person', date_of_birth: '2003-03-03', uln: '9276308686' }],
  });
  const stranger = candidates[0].id;

  const { context, page, problems } = await newPage(browser);
  await staffSignIn(page, server, 'centre.admin', `/candidates/${stranger}`);
  await page.getByRole('heading', { name: 'Not found' }).waitFor();
  assert.equal(await page.getByText('Other').count(), 0, 'nothing of the candidate is shown');

  await page.goto(`${server.base}/staff/centres/${centre.id}/results`);
  await page.getByRole('heading', { name: 'Not found' }).waitFor();
  await page.goto(`${server.base}/staff/centres/${centre.id}/candidates`);
  await page.getByRole('heading', { name: 'Not found' }).waitFor();

  assert.equal(await statusWithPageToken(page, 'GET', `/api/v1/candidates/${stranger}`), 404);
  assert.equal(await statusWithPageToken(page, 'GET', `/api/v1/centres/${centre.id}/results`), 404);
  assert.equal(
    await statusWithPageToken(page, 'POST', `/api/v1/candidates/${stranger}/claims`, { kind: 'unit', qualification: '501/0443/3' }),
    404,
  );
  // The navigation offers only the admin's own centre.
  const links = await page.locator('nav[aria-label="Console"] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(links.every((h) => !h.includes(`/centres/${centre.id}/`)), links.join(' '));
  assert.deepEqual(problems, []);
  await ao.dispose();
  await context.close();
});

test('a CSV file with two bad rows shows both and imports no one; the fixed file imports', async () => {
  const { context, page, problems } = await newPage(browser);
  await staffSignIn(page, server, 'centre.admin', '/centres/1/candidates/import');
  const header = 'candidate_number,given_name,family_name,date_of_birth,uln\n';
  const bad = header + '0101,Gita,Rao,2004-05-06,9276308686\n0102,Hal,Moss,2004-13-01,9276308686\n0103,Ivy,Noor,2004-02-02,123\n';
  await page.getByLabel('CSV file').setInputFiles({ name: 'year-11.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.getByRole('button', { name: 'Import' }).click();
  const summary = page.locator('.error-summary');
  await summary.getByRole('heading', { name: /2 problems in year-11.csv: nothing was imported/ }).waitFor();
  const cells = await summary.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
  assert.equal(cells.length, 2);
  assert.deepEqual(cells.map((c) => [c[0], c[1]]), [['3', 'date_of_birth'], ['4', 'uln']]);
  assert.match(cells[0][3], /0102,Hal,Moss,2004-13-01/, 'the line as it is in the file');
  const admin = await staff(server.base, 'centre.admin');
  const before = (await admin.get('/api/v1/centres/1/candidates')).candidates;
  assert.equal(before.filter((c) => c.candidate_number.startsWith('010')).length, 0, 'no one was imported');

  const fixed = header + '0101,Gita,Rao,2004-05-06,9276308686\n0102,Hal,Moss,2004-12-01,9276308686\n0103,Ivy,Noor,2004-02-02,1000000000\n';
  await page.getByLabel('CSV file').setInputFiles({ name: 'year-11.csv', mimeType: 'text/csv', buffer: Buffer.from(fixed) });
  await page.getByRole('button', { name: 'Import' }).click();
  await page.getByText('Imported 3 candidates.').waitFor();
  const after = (await admin.get('/api/v1/centres/1/candidates')).candidates;
  assert.deepEqual(after.filter((c) => c.candidate_number.startsWith('010')).map((c) => c.family_name).sort(), ['Moss', 'Noor', 'Rao']);
  assert.deepEqual(problems, []);
  await admin.dispose();
  await context.close();
});

test("a claim the rules do not support shows the engine's explanation; a supported one gives a certificate that verifies", async () => {
  const { context, page, problems } = await newPage(browser);
  await staffSignIn(page, server, 'centre.admin', '/centres/1/candidates');
  await page.getByRole('link', { name: 'Patel, Dev' }).click();
  await page.getByRole('heading', { name: /Dev Patel/ }).waitFor();

  await page.getByRole('button', { name: 'Claim the full certificate for 501/0443/3' }).click();
  const refusal = page.locator('.error-summary', { hasText: 'The claim was refused' });
  await refusal.waitFor();
  const missing = await refusal.locator('li').allTextContents();
  assert.ok(missing.includes('needs mandatory unit K/602/1597 Providing Excellent Customer Service'), missing.join(' | '));
  assert.ok(missing.some((m) => /needs 13 more credits in total/.test(m)), missing.join(' | '));

  // A unit achieved by internal assessment, then a unit certificate for it.
  await page.getByText('Record a unit achieved another way').click();
  await page.getByLabel('Unit', { exact: true }).selectOption('T/602/1361');
  await page.getByLabel('Evidence').fill('portfolio P-118');
  await page.getByRole('button', { name: 'Record unit' }).click();
  await page.getByText(/Recorded T\/602\/1361/).waitFor();
  await page.getByRole('button', { name: 'Claim a unit certificate for 501/0443/3' }).click();
  const issued = page.locator('.notice-success', { hasText: /Certificate EXC-\d{4}-\d{6} issued \(unit certificate\)/ });
  await issued.waitFor();
  const number = /EXC-\d{4}-\d{6}/.exec(await issued.textContent())[0];

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Download ${number}` }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `${number}.json`);
  const file = await download.path();
  assert.match(readFileSync(file, 'utf8'), /"signature"/);

  await page.getByRole('link', { name: 'Verify a certificate file' }).click();
  const signed = readFileSync(file);
  await page.getByLabel('Certificate file').setInputFiles({ name: `${number}.json`, mimeType: 'application/json', buffer: signed });
  await page.getByRole('heading', { name: `Valid: ${number}.json is a genuine certificate` }).waitFor();
  assert.match(await page.locator('.verification').textContent(), /Dev Patel/);

  // One byte changed: not valid.
  const tampered = signed.toString('utf8').replace('Dev Patel', 'Dev Pateel');
  await page.getByLabel('Certificate file').setInputFiles({ name: 'tampered.json', mimeType: 'application/json', buffer: Buffer.from(tampered) });
  await page.getByRole('heading', { name: 'Not valid: tampered.json' }).waitFor();

  // A replacement, with its reason, under a new number; the old one is kept, marked replaced.
  await page.goBack();
  await page.getByRole('button', { name: `Replace ${number}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Issue the replacement' }).click();
  await dialog.getByText('Give the reason: it goes in the audit trail.').waitFor();
  await dialog.getByLabel('Why is it replaced?').fill('the candidate lost the original');
  await dialog.getByRole('button', { name: 'Issue the replacement' }).click();
  await page.locator('.notice-success', { hasText: `issued for ${number}` }).waitFor();
  // The list reloads after the notice: wait for the new row rather than read it at once.
  await page.locator('section[aria-labelledby="claims-heading"] tbody tr', { hasText: `replaces ${number}` }).waitFor();
  const statuses = await page.locator('section[aria-labelledby="claims-heading"] tbody tr').allTextContents();
  assert.ok(statuses.some((t) => t.includes(number) && t.includes('replaced')), statuses.join(' | '));
  assert.ok(statuses.some((t) => t.includes(`replaces ${number}`)), statuses.join(' | '));
  assert.deepEqual(problems, []);
  await context.close();
});

test('results download as the CSV the server makes', async () => {
  const { context, page, problems } = await newPage(browser);
  await staffSignIn(page, server, 'centre.admin', '/centres/1/results');
  await page.locator('table.data tbody tr').first().waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.match(csv, /^session,date,unit,candidate_number,family_name,given_name,uln,state/);
  assert.match(csv, /Hassan,Amira/);
  assert.match(download.suggestedFilename(), /^results-centre-1.*\.csv$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a session that expires mid-form returns to sign-in, then to the same form with what was typed', async () => {
  const { context, page, problems } = await newPage(browser);
  await staffSignIn(page, server, 'centre.admin', '/candidates/3');
  await page.getByRole('heading', { name: /Chloe Davies/ }).waitFor();
  await page.getByText('Correct these details').click();
  await page.getByLabel('Family name').fill('Davies-Morgan');
  await page.getByLabel('Reason for the correction').fill('name changed by marriage');
  // The token is revoked behind the page's back (as expiry would).
  await page.evaluate(async () => {
    const token = sessionStorage.getItem('exam-staff:token');
    await fetch('/api/v1/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  });
  await page.getByRole('button', { name: 'Save correction' }).click();
  await page.getByText('Your session has ended.', { exact: false }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/staff/candidates/3', 'the address is kept');
  await page.getByLabel('Username').fill('centre.admin');
  await page.getByLabel('Password').fill('demo-password-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /Chloe Davies/ }).waitFor();
  assert.equal(await page.getByLabel('Family name').inputValue(), 'Davies-Morgan');
  assert.equal(await page.getByLabel('Reason for the correction').inputValue(), 'name changed by marriage');
  await page.getByRole('button', { name: 'Save correction' }).click();
  await page.getByText(/Details corrected/).waitFor();
  await page.getByRole('heading', { name: /Chloe Davies-Morgan/ }).waitFor();
  assert.deepEqual(problems.filter((p) => !/401/.test(p)), []);
  await context.close();
});

test('a centre admin adds an invigilator, who can then sign in and sees only their own sessions', async () => {
  const { context, page, problems } = await newPage(browser);
  await staffSignIn(page, server, 'centre.admin', '/centres/1/staff');
  await page.getByLabel('Name', { exact: true }).fill('Priya Shah');
  await page.getByLabel('Username').fill('priya.shah');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.locator('.field-error', { hasText: /password/i }).waitFor();
  await page.getByLabel('Password').fill('a long enough password 2026');
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByText('Priya Shah can now sign in as priya.shah').waitFor();
  await page.locator('table.data td', { hasText: 'priya.shah' }).waitFor();

  const second = await newPage(browser);
  await second.page.goto(server.base + '/staff/');
  await second.page.getByLabel('Username').fill('priya.shah');
  await second.page.getByLabel('Password').fill('a long enough password 2026');
  await second.page.getByRole('button', { name: 'Sign in' }).click();
  await second.page.getByRole('heading', { name: 'Your sessions' }).waitFor();
  assert.equal(await second.page.locator('table.data tbody tr').count(), 0, 'not assigned to any session yet');
  assert.deepEqual(problems, []);
  assert.deepEqual(second.problems, []);
  await second.context.close();
  await context.close();
});
