// WCAG 2.1 AA as axe-core checks it, on every screen in every display
// setting; the 320 px layout; the language of the page; the security headers
// the page is served with. With EXAM_SCREENSHOTS_DIR set it also writes a
// screenshot of each screen there (docs/screenshots/ holds the committed ones),
// and with EXAM_PERFORMANCE=1 it prints the time from "Next" to the next item.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { axeSource, candidateApi, heading, launchBrowser, logIn, newPage, staff, startServer, startTest } from './harness.mjs';

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

// One setting changed at a time from the default, each value of each setting.
const variants = [
  {},
  ...[125, 150, 175, 200].map((v) => ({ textSize: String(v) })),
  ...['cream', 'blue', 'yellow', 'green', 'pink', 'grey'].map((v) => ({ overlay: v })),
  { contrast: 'high' },
  { spacing: 'wide' },
  { spacing: 'wider' },
];

async function setDisplay(page, variant) {
  await page.evaluate((v) => {
    const d = document.documentElement.dataset;
    d.textSize = v.textSize ?? '100';
    d.overlay = v.overlay ?? 'none';
    d.contrast = v.contrast ?? 'normal';
    d.spacing = v.spacing ?? 'normal';
  }, variant);
}

async function axe(page, screen) {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const failures = [];
  for (const variant of variants) {
    await setDisplay(page, variant);
    const result = await page.evaluate(() =>
      window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }),
    );
    for (const v of result.violations) {
      failures.push(`${screen} ${JSON.stringify(variant)}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }
  }
  await setDisplay(page, {});
  return failures;
}

async function shot(page, name, fullPage = true) {
  if (shots) await page.screenshot({ path: join(shots, `${name}.png`), fullPage });
}

test('every screen passes axe-core in every display setting', async () => {
  const { context, page, problems } = await newPage(browser);
  const failures = [];
  const response = await page.goto(server.base + '/');
  const headers = response.headers();
  assert.match(headers['content-security-policy'], /script-src 'self'/);
  assert.match(headers['content-security-policy'], /frame-ancestors 'none'/);
  assert.doesNotMatch(headers['content-security-policy'], /unsafe-inline/);
  assert.equal(headers['x-content-type-options'], 'nosniff');
  assert.equal(headers['referrer-policy'], 'no-referrer');
  assert.equal(await page.getAttribute('html', 'lang'), 'en-GB');

  await page.getByLabel('Keycode').waitFor();
  await shot(page, 'login');
  failures.push(...(await axe(page, 'log-in')));
  await page.getByLabel('Centre number').fill('90001');
  await page.getByLabel('Candidate number').fill('0001');
  await page.getByLabel('Keycode').fill('WRONG123');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByText('These details do not match').waitFor();
  failures.push(...(await axe(page, 'log-in error')));

  await logIn(page, server, '0002');
  await page.getByRole('heading', { name: 'Before you start' }).waitFor();
  assert.match(await page.locator('.details').textContent(), /50 minutes, including your 25% extra time/);
  await shot(page, 'before-the-test');
  failures.push(...(await axe(page, 'before the test')));
  await startTest(page);

  await shot(page, 'item');
  failures.push(...(await axe(page, 'item')));
  // A multiple-response item, a refused third choice and a flag.
  for (let i = 0; i < 24 && (await page.locator('.choose').count()) === 0; i++) {
    await page.getByRole('button', { name: 'Next' }).click();
  }
  const boxes = page.locator('label.option');
  for (let i = 0; i < 3; i++) await boxes.nth(i).click();
  await page.getByRole('button', { name: 'Flag for review' }).click();
  await shot(page, 'item-choose-2');
  failures.push(...(await axe(page, 'multiple-response item')));

  await page.getByRole('button', { name: 'Display settings' }).click();
  await page.locator('#settings-panel').getByLabel('Cream').check();
  await page.locator('#settings-panel').getByLabel('150%').check();
  await shot(page, 'display-settings');
  failures.push(...(await axe(page, 'display settings open')));
  await page.locator('#settings-panel').getByLabel('White (none)').check();
  await page.locator('#settings-panel').getByLabel('100%', { exact: true }).check();
  await page.locator('#settings-panel').getByLabel('High contrast').check();
  await shot(page, 'item-high-contrast');
  await page.locator('#settings-panel').getByLabel('High contrast').uncheck();
  await page.getByRole('button', { name: 'Close display settings' }).click();

  await page.getByRole('button', { name: 'Review and submit' }).click();
  await page.getByRole('button', { name: 'Submit the test' }).click();
  await shot(page, 'review');
  failures.push(...(await axe(page, 'review with confirmation')));
  await page.getByRole('button', { name: 'No, go back' }).click();

  const { attempt } = await candidateApi(page, '/api/v1/attempt');
  const invigilator = await staff(server.base);
  await invigilator.post(`/api/v1/attempts/${attempt}/pause`, { reason: 'rest break' });
  await page.getByRole('heading', { name: 'Your test is paused' }).waitFor();
  await shot(page, 'paused');
  failures.push(...(await axe(page, 'paused')));
  await invigilator.post(`/api/v1/attempts/${attempt}/resume`);
  await heading(page).waitFor();
  await invigilator.dispose();

  await page.getByRole('button', { name: 'Review and submit' }).click();
  await page.getByRole('button', { name: 'Submit the test' }).click();
  await page.getByRole('button', { name: 'Yes, submit my test' }).click();
  await page.getByText(/You scored/).waitFor();
  await shot(page, 'end');
  failures.push(...(await axe(page, 'end')));

  assert.deepEqual(failures, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('at 320 px wide, at 100 % and at 200 % text, every option is visible without scrolling sideways', async () => {
  const { context, page } = await newPage(browser, { viewport: { width: 320, height: 640 } });
  await logIn(page, server, '0003');
  await startTest(page);
  for (const size of ['100', '200']) {
    await setDisplay(page, { textSize: size });
    for (let i = 0; i < 24; i++) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `item ${i + 1} at ${size}% scrolls sideways by ${overflow}px`);
      const boxes = await page.locator('label.option').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
      assert.ok(boxes.length >= 3);
      for (const b of boxes) assert.ok(b.left >= 0 && b.right <= 320 && b.width > 100, `option at ${JSON.stringify(b)}`);
      if (i === 0 && size === '200') {
        await page.locator('label.option').first().evaluate((e) => e.scrollIntoView({ block: 'start' }));
        await shot(page, 'item-320px-200-percent', false);
      }
      if (i < 23) await page.getByRole('button', { name: 'Next' }).click();
    }
    await page.getByRole('button', { name: /^Question 1,/ }).click();
  }
  await context.close();
});

test('the time from "Next" to the next item on screen', async () => {
  const { context, page } = await newPage(browser);
  await logIn(page, server, '0004');
  await startTest(page);
  const times = [];
  for (let i = 0; i < 23; i++) {
    // Measured in the page: from the click's dispatch to the frame after the new heading is in place.
    const ms = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const button = [...document.querySelectorAll('.item-actions button')].find((b) => b.textContent === 'Next');
          const before = document.getElementById('question-heading').textContent;
          const t0 = performance.now();
          button.click();
          const wait = () => {
            if (document.getElementById('question-heading')?.textContent !== before) {
              requestAnimationFrame(() => resolve(performance.now() - t0));
            } else requestAnimationFrame(wait);
          };
          wait();
        }),
    );
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const worst = times[times.length - 1];
  if (process.env.EXAM_PERFORMANCE) console.log(`next-to-item: median ${median.toFixed(1)} ms, worst ${worst.toFixed(1)} ms over ${times.length}`);
  // A frame or two: the items are already in the page, nothing waits on the network.
  assert.ok(median < 100, `median ${median} ms`);
  assert.equal(await heading(page).textContent(), 'Question 24 of 24');
  await context.close();
});
