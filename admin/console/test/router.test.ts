// Console addresses: patterns and their named parts.
import assert from 'node:assert/strict';
import { test } from 'node:test';

// router.ts listens for popstate on import: give it a window to listen on.
(globalThis as unknown as { window: EventTarget }).window = new EventTarget();
const { match } = await import('../src/router');

test('a pattern matches its own shape and names its parts', () => {
  assert.deepEqual(match('/sessions/:session/room', '/sessions/12/room'), { session: '12' });
  assert.deepEqual(match('/sessions/:session/room', '/sessions/12/room/'), { session: '12' }, 'a trailing slash is the same page');
  assert.equal(match('/sessions/:session/room', '/sessions/12'), null);
  assert.equal(match('/sessions/:session', '/sessions/'), null, 'an empty part is no id');
  assert.deepEqual(match('/', '/'), {});
  assert.deepEqual(match('/', ''), {});
  assert.equal(match('/', '/bank'), null);
});
