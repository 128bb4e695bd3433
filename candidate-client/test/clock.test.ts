// The time left between server reports, and the 10/5/1-minute warnings.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ServerClock, Warnings, clockText, durationWords } from '../src/clock';

test('the clock counts down from the server\'s figure only while running', () => {
  let now = 1000;
  const clock = new ServerClock(() => now);
  clock.set(60_000, true);
  now += 15_000;
  assert.equal(clock.remaining(), 45_000);
  clock.set(30_000, false);
  now += 15_000;
  assert.equal(clock.remaining(), 30_000, 'paused: no time passes');
  clock.set(1_000, true);
  now += 5_000;
  assert.equal(clock.remaining(), 0, 'never below zero');
});

test('each warning is given once, as the time crosses it, and not on resuming below it', () => {
  const w = new Warnings();
  assert.equal(w.crossed(4 * 60_000), null, 'resuming with 4 minutes left says nothing');
  assert.equal(w.crossed(3 * 60_000), null);
  assert.equal(w.crossed(60_000), 1);
  assert.equal(w.crossed(59_000), null);

  const fresh = new Warnings();
  fresh.crossed(10 * 60_000 + 500);
  assert.equal(fresh.crossed(10 * 60_000), 10);
  assert.equal(fresh.crossed(9 * 60_000), null);
  assert.equal(fresh.crossed(5 * 60_000 - 1), 5);
  // Extra time granted: the clock goes up, and the warning can be given again when crossed again.
  fresh.crossed(20 * 60_000);
  assert.equal(fresh.crossed(9 * 60_000), 10);
});

test('times in words and on the clock', () => {
  assert.equal(durationWords(40 * 60), '40 minutes');
  assert.equal(durationWords(50 * 60), '50 minutes');
  assert.equal(durationWords(60 * 60), '1 hour');
  assert.equal(durationWords(65 * 60), '1 hour 5 minutes');
  assert.equal(durationWords(60), '1 minute');
  assert.equal(clockText(38 * 60_000 + 5_000), '38:05');
  assert.equal(clockText(3_729_000), '1:02:09');
  assert.equal(clockText(400), '0:01');
});
