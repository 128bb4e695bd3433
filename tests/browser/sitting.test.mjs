// Whole sittings in Chromium against the real server: with the mouse to the
// released result, with the keyboard alone, "Choose 2" refusing a third, a
// flagged item on the review screen, and no key in anything the page receives.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  answerWithMouse,
  findKeys,
  heading,
  launchBrowser,
  logIn,
  newPage,
  recordReceived,
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

test('a whole test with the mouse: flag, review, "Choose 2", submit, the released result, and never a key', async () => {
  const { context, page, problems } = await newPage(browser);
  const received = recordReceived(page);
  await logIn(page, server, '0001');

  await page.getByRole('heading', { name: 'Before you start' }).waitFor();
  assert.match(await page.locator('.details').textContent(), /Amira Hassan/);
  assert.match(await page.locator('.details').textContent(), /0001/);
  assert.match(await page.locator('.details').textContent(), /24/);
  assert.match(await page.locator('.details').textContent(), /40 minutes/);
  await startTest(page);

  const total = 24;
  let sawMultiple = false;
  for (let i = 0; i < total; i++) {
    assert.equal(await heading(page).textContent(), `Question ${i + 1} of ${total}`);
    // Each item is a fieldset with its legend, each option a labelled input.
    assert.equal(await page.locator('fieldset legend.stem').count(), 1);
    const isMultiple = (await page.locator('.choose').count()) > 0;
    if (isMultiple && !sawMultiple) {
      sawMultiple = true;
      assert.equal(await page.locator('.choose').textContent(), 'Choose 2');
      const boxes = page.locator('label.option');
      await boxes.nth(0).click();
      await boxes.nth(1).click();
      await boxes.nth(2).click();
      await page.getByText('You can choose only 2 answers').waitFor();
      assert.equal(await boxes.nth(2).locator('input').isChecked(), false);
      assert.equal(await page.locator('label.option input:checked').count(), 2);
    } else {
      await answerWithMouse(page);
    }
    if (i === 1) await page.getByRole('button', { name: 'Flag for review' }).click();
    if (i < total - 1) await page.getByRole('button', { name: 'Next' }).click();
  }
  assert.ok(sawMultiple, 'the form has a multiple-response item');
  await page.locator('.save-text[data-status="saved"]').waitFor();
  assert.equal(await page.locator('.save-text').textContent(), 'All answers saved');

  await page.getByRole('button', { name: 'Review answers' }).click();
  await page.getByRole('heading', { name: 'Review your answers' }).waitFor();
  assert.equal(await page.locator('#flagged-list').textContent(), 'Question 2');
  assert.equal(await page.locator('#unanswered-list').textContent(), 'You have answered every question.');
  // The flagged item is one click away.
  await page.locator('#flagged-list').getByRole('button', { name: 'Question 2' }).click();
  assert.equal(await heading(page).textContent(), 'Question 2 of 24');
  await page.getByRole('button', { name: 'Review and submit' }).click();

  await page.getByRole('button', { name: 'Submit the test' }).click();
  await page.getByRole('button', { name: 'No, go back' }).click();
  await page.getByRole('button', { name: 'Submit the test' }).click();
  await page.getByRole('button', { name: 'Yes, submit my test' }).click();
  await page.getByRole('heading', { name: 'Your test has been submitted' }).waitFor();
  await page.getByText(/You scored \d+ out of 24/).waitFor();
  assert.match(await page.locator('main').textContent(), /Learning outcome 1: \d+ out of \d+/);

  const all = await received.all();
  assert.ok(all.length > 30, `the page received ${all.length} responses`);
  assert.deepEqual(findKeys(all), []);
  assert.deepEqual(problems, []);
  await context.close();
});

// Presses Tab until the focused element matches `selector` (at most 80 times).
async function tabTo(page, selector) {
  for (let i = 0; i < 80; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('a whole test with the keyboard alone, with a visible focus', async () => {
  const { context, page, problems } = await newPage(browser);
  await page.goto(server.base + '/');
  await tabTo(page, '#centre');
  await page.keyboard.type('90001');
  await page.keyboard.press('Tab');
  await page.keyboard.type('0003');
  await page.keyboard.press('Tab');
  await page.keyboard.type(server.keycodes['0003']);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Before you start' }).waitFor();
  await tabTo(page, 'button.primary');
  await page.keyboard.press('Enter');
  await heading(page).waitFor();

  for (let i = 0; i < 24; i++) {
    const multiple = (await page.locator('.choose').count()) > 0;
    await tabTo(page, 'label.option input');
    await page.keyboard.press('Space');
    if (multiple) {
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
    }
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none', 'the focused option shows its focus');
    await tabTo(page, '.item-actions button.primary');
    await page.keyboard.press('Enter');
    if (i < 23) await page.waitForFunction((n) => document.getElementById('question-heading')?.textContent === `Question ${n} of 24`, i + 2);
  }
  await page.getByRole('heading', { name: 'Review your answers' }).waitFor();
  await tabTo(page, '.item-actions button.primary');
  await page.keyboard.press('Enter');
  // The confirmation takes the focus: Enter confirms.
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Yes, submit my test');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Your test has been submitted' }).waitFor();
  await page.getByText(/You scored \d+ out of 24/).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});
