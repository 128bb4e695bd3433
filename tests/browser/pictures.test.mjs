// Pictures in the player, in Chromium against the real server and the bundled
// bank (each demo form has a chart in a stem and an item whose options are
// notices shown as pictures alone): the chart shows with its alt text; the
// notices are chosen by clicking them and with the keyboard, and the answer is
// saved; axe-core passes on both items, in high contrast too; a picture whose
// fetch fails shows its alt text and a button that brings it; and its blob: URL
// is revoked when the test ends. EXAM_SCREENSHOTS_DIR keeps a screenshot of each.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { axeViolations, candidateApi, launchBrowser, logIn, newPage, startServer, startTest } from './harness.mjs';

let server;
let browser;
const shots = process.env.EXAM_SCREENSHOTS_DIR;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  if (shots) mkdirSync(shots, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const total = 24;

// Moves on with "Next" until `found` says this item is the one; its position.
async function findItem(page, found) {
  for (let i = 0; i < total; i++) {
    if (await found()) return i;
    await page.getByRole('button', { name: 'Next' }).click();
    await page.waitForFunction((n) => document.getElementById('question-heading')?.textContent === `Question ${n} of 24`, i + 2);
  }
  throw new Error('no such item on the form');
}

async function firstQuestion(page) {
  await page.getByRole('button', { name: /^Question 1,/ }).click();
  await page.waitForFunction(() => document.getElementById('question-heading')?.textContent === 'Question 1 of 24');
}

const stemPictureShown = (page) => page.locator('.stem-picture .picture[data-state="shown"] img');
const optionPictures = (page) => page.locator('label.option .picture');

// Waits until the server holds this selection for the item, as the candidate's own API says.
async function waitForSaved(page, position, selected) {
  await page.waitForFunction(
    async ([p, want]) => {
      const token = sessionStorage.getItem('exam-player:token');
      const r = await fetch('/api/v1/attempt/items', { headers: { authorization: `Bearer ${token}` } });
      const { items } = await r.json();
      return JSON.stringify(items[p].response.selected) === JSON.stringify(want);
    },
    [position, selected],
    { polling: 100 },
  );
  await page.locator('.save-text[data-status="saved"]').waitFor();
}

async function withHighContrast(page, run) {
  await page.evaluate(() => (document.documentElement.dataset.contrast = 'high'));
  try {
    return await run();
  } finally {
    await page.evaluate(() => (document.documentElement.dataset.contrast = 'normal'));
  }
}

test('a chart in a stem and notices as options: shown with their alt text, chosen by click and by keyboard, saved, and axe-clean', async () => {
  const { context, page, problems } = await newPage(browser);
  const mediaRequests = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/attempt/media/')) mediaRequests.push(r);
  });
  await logIn(page, server, '0001');
  await startTest(page);
  const { items } = await candidateApi(page, '/api/v1/attempt/items');

  // The chart: shown, with the bank's alt text, decoded, no wider than its column.
  const chartAt = await findItem(page, async () => (await page.locator('.stem-picture').count()) > 0);
  const chartItem = items[chartAt];
  assert.ok(chartItem.image, 'the server says this stem has a picture');
  const chart = stemPictureShown(page);
  await chart.waitFor();
  assert.equal(await chart.getAttribute('alt'), chartItem.image.alt);
  assert.match(chartItem.image.alt, /\d+ and \d+/, 'the alt text gives the figures');
  assert.ok(await chart.evaluate((img) => img.complete && img.naturalWidth > 0), 'the picture is decoded');
  assert.match(await chart.getAttribute('src'), /^blob:/);
  const fits = await chart.evaluate((img) => img.getBoundingClientRect().width <= img.closest('.item-main').getBoundingClientRect().width);
  assert.ok(fits, 'no wider than the column');
  // The group of options is described by the picture, so a screen reader hears it with the question.
  const describedBy = await page.locator('fieldset').getAttribute('aria-describedby');
  assert.ok(describedBy.split(' ').includes(await page.locator('.stem-picture .picture').getAttribute('id')));
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(await withHighContrast(page, () => axeViolations(page)), []);
  if (shots) await page.screenshot({ path: join(shots, 'item-picture-chart.png'), fullPage: true });
  await withHighContrast(page, async () => {
    if (shots) await page.screenshot({ path: join(shots, 'item-picture-chart-high-contrast.png'), fullPage: true });
  });

  // The notices: every option a picture alone, named by its alt text.
  await firstQuestion(page);
  const noticesAt = await findItem(page, async () => (await optionPictures(page).count()) >= 3);
  const noticesItem = items[noticesAt];
  assert.ok(noticesItem.options.every((o) => o.image), 'every option of this item is a picture');
  await page.locator('label.option .picture[data-state="shown"] img').nth(noticesItem.options.length - 1).waitFor();
  for (const option of noticesItem.options) {
    const radio = page.getByRole('radio', { name: option.image.alt, exact: true });
    assert.equal(await radio.count(), 1, `an option named by its alt text: ${option.image.alt.slice(0, 40)}`);
    const img = page.locator(`label.option:has(input[value="${option.id}"]) img`);
    assert.equal(await img.getAttribute('alt'), option.image.alt);
    assert.ok(await img.evaluate((el) => el.naturalWidth > 0));
  }
  // Clicking the picture chooses its option.
  const second = noticesItem.options[1];
  await page.locator(`label.option:has(input[value="${second.id}"]) img`).click();
  assert.ok(await page.locator(`input[value="${second.id}"]`).isChecked());
  await waitForSaved(page, noticesAt, [second.id]);
  // The keyboard moves the choice to the next notice.
  await page.locator(`input[value="${second.id}"]`).focus();
  await page.keyboard.press('ArrowDown');
  const third = noticesItem.options[2];
  assert.ok(await page.locator(`input[value="${third.id}"]`).isChecked());
  await waitForSaved(page, noticesAt, [third.id]);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(await withHighContrast(page, () => axeViolations(page)), []);
  if (shots) await page.screenshot({ path: join(shots, 'item-picture-options.png'), fullPage: true });

  // Shown again, each picture comes from this sitting's own copy: not fetched a second time.
  const fetched = mediaRequests.length;
  await firstQuestion(page);
  await findItem(page, async () => (await page.locator('.stem-picture').count()) > 0);
  await stemPictureShown(page).waitFor();
  assert.equal(mediaRequests.length, fetched, 'no picture fetched twice');
  // And it takes its full place in the same frame as the item, with nothing moving after: shown straight from the navigator.
  await firstQuestion(page);
  const heights = await page.evaluate(async (n) => {
    document.querySelectorAll('.nav-item')[n].click();
    const height = () => document.querySelector('.stem-picture img')?.getBoundingClientRect().height ?? 0;
    const first = height();
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return { first, settled: height() };
  }, chartAt);
  assert.ok(heights.first > 200, `the chart is there at once (${heights.first}px high)`);
  assert.equal(heights.first, heights.settled, 'and does not move once drawn');
  assert.ok(
    mediaRequests.every((r) => /^Bearer /.test(r.headers()['authorization'] ?? '')),
    'every picture fetched with the bearer token',
  );

  // At the end the sitting's pictures are let go: the URL that showed the chart shows nothing any more.
  const src = await stemPictureShown(page).getAttribute('src');
  const decodes = (url) => page.evaluate((u) => Object.assign(new Image(), { src: u }).decode().then(() => true, () => false), url);
  assert.equal(await decodes(src), true, 'the URL works while the test runs');
  await page.getByRole('button', { name: 'Review and submit' }).click();
  await page.getByRole('button', { name: 'Submit the test' }).click();
  await page.getByRole('button', { name: 'Yes, submit my test' }).click();
  await page.getByRole('heading', { name: 'Your test has been submitted' }).waitFor();
  assert.equal(await decodes(src), false, 'the blob: URL is revoked');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a picture that cannot be fetched shows its alt text and a retry, the item stays answerable, and the retry brings the picture', async () => {
  const { context, page, problems } = await newPage(browser);
  // 'fail' aborts every picture's request, 'hold' keeps each waiting until the test lets it go, 'pass' lets it through.
  let mode = 'fail';
  let aborted = 0;
  const held = [];
  let heldOne = () => undefined;
  await page.route('**/api/v1/attempt/media/*', (route) => {
    if (mode === 'fail') {
      aborted += 1;
      return route.abort('connectionfailed');
    }
    if (mode === 'hold') {
      held.push(route);
      return heldOne();
    }
    return route.continue();
  });
  await logIn(page, server, '0002');
  await startTest(page);
  const { items } = await candidateApi(page, '/api/v1/attempt/items');
  const at = await findItem(page, async () => (await page.locator('.stem-picture').count()) > 0);
  const box = page.locator('.stem-picture .picture');
  await page.locator('.stem-picture .picture[data-state="failed"]').waitFor();
  assert.ok(aborted >= 1);
  assert.equal(await page.locator('.stem-picture img').count(), 0, 'no broken image');
  assert.equal(await box.locator('.picture-alt').textContent(), items[at].image.alt);
  assert.ok(await box.locator('.picture-alt').isVisible());
  const retry = page.getByRole('button', { name: 'Try the picture again' });
  assert.ok(await retry.isVisible());
  // Answering does not wait for the picture.
  const option = page.locator('label.option').first();
  await option.click();
  const chosen = await option.locator('input').getAttribute('value');
  await waitForSaved(page, at, [chosen]);
  assert.deepEqual(await axeViolations(page), []);
  if (shots) await page.screenshot({ path: join(shots, 'item-picture-failed.png'), fullPage: true });

  // The network is back, slowly: while the retry waits, a placeholder holds the picture's place.
  mode = 'hold';
  const arrived = new Promise((resolve) => (heldOne = resolve));
  await retry.focus();
  await page.keyboard.press('Enter');
  await arrived;
  const placeholder = page.locator('.stem-picture .picture[data-state="loading"]');
  assert.ok(await placeholder.isVisible());
  assert.ok((await placeholder.boundingBox()).height >= 256, 'at least 16rem reserved for a stem picture');
  assert.equal(await retry.getAttribute('aria-disabled'), 'true');
  await page.keyboard.press('Enter');
  assert.equal(held.length, 1, 'a second press while it waits asks nothing more');
  // It arrives: the picture replaces the placeholder, the retry goes, and the focus moves to the picture.
  mode = 'pass';
  for (const route of held.splice(0)) await route.continue();
  const img = stemPictureShown(page);
  await img.waitFor();
  assert.equal(await img.getAttribute('alt'), items[at].image.alt);
  assert.ok(await img.evaluate((el) => el.complete && el.naturalWidth > 0));
  assert.equal(await page.locator('.stem-picture .picture-retry').isHidden(), true, 'the retry goes once the picture is there');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('picture')), true);

  // The notices were only ever fetched while the network failed (shown or fetched ahead): each shows its alt
  // text, names its option, and clicking the box chooses it.
  mode = 'fail';
  await firstQuestion(page);
  const noticesAt = await findItem(page, async () => (await optionPictures(page).count()) >= 3);
  const notices = items[noticesAt].options;
  await page.locator('label.option .picture[data-state="failed"]').nth(notices.length - 1).waitFor();
  assert.equal(await page.locator('label.option img').count(), 0, 'no broken image');
  for (const o of notices) {
    assert.equal(await page.getByRole('radio', { name: o.image.alt, exact: true }).count(), 1, o.id);
  }
  assert.equal(await page.getByRole('button', { name: 'Try the picture again' }).count(), notices.length);
  const target = notices[0];
  await page.locator(`label.option:has(input[value="${target.id}"]) .picture-alt`).click();
  assert.ok(await page.locator(`input[value="${target.id}"]`).isChecked());
  await waitForSaved(page, noticesAt, [target.id]);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});
