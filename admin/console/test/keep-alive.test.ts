// The session is kept while someone is at the keyboard, and only then.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ActivityKeepAlive, touchEveryMs } from '../src/keep-alive';

function harness() {
  let now = 0;
  let tick: (() => void) | null = null;
  let touches = 0;
  const k = new ActivityKeepAlive({
    now: () => now,
    every: (_ms, f) => {
      tick = f;
      return () => (tick = null);
    },
    touch: async () => {
      touches++;
    },
  });
  const advance = (ms: number) => {
    for (let t = 0; t < ms; t += touchEveryMs) {
      now += touchEveryMs;
      tick?.();
    }
  };
  return { k, advance, touches: () => touches, running: () => tick !== null };
}

test('an active invigilator keeps the session through a long sitting', () => {
  const h = harness();
  h.k.start();
  for (let minute = 0; minute < 120; minute += 20) {
    h.k.activity();
    h.advance(20 * 60_000);
  }
  assert.ok(h.touches() >= 25, `touched ${h.touches()} times in two hours`);
});

test('a laptop left alone stops touching the session after 25 minutes, so it expires', () => {
  const h = harness();
  h.k.start();
  h.advance(24 * 60_000);
  const before = h.touches();
  assert.equal(before, 6, 'touched while recently active');
  h.advance(60 * 60_000);
  assert.equal(h.touches(), before, 'never again while idle');
  h.k.activity();
  h.advance(touchEveryMs);
  assert.equal(h.touches(), before + 1, 'activity brings it back (if the session has not expired meanwhile)');
});

test('signing out stops the timer', () => {
  const h = harness();
  h.k.start();
  assert.ok(h.running());
  h.k.end();
  assert.ok(!h.running());
});
