// The room built from the feed: a snapshot, then events that replace only
// the row they are about; clocks, connection words, filters and sorting.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  applyEvent,
  connectionText,
  counts,
  formatDuration,
  fromSnapshot,
  irregularityText,
  matchesFilter,
  remainingMs,
  rowTicks,
  sortRows,
  type AttemptView,
  type Snapshot,
} from '../src/room/room-model';

const session = {
  id: 1,
  centre: 1,
  unit: 'K/602/1597',
  starts_at: '2026-12-02T09:00:00Z',
  ends_at: '2026-12-02T11:00:00Z',
  room: 'Room 4',
  status: 'open',
  invigilators: [3],
};

function attempt(booking: number, change: Partial<AttemptView> = {}): AttemptView {
  return {
    attempt: 100 + booking,
    booking,
    candidate: booking,
    state: 'in_progress',
    items: 24,
    answered: 0,
    flagged: 0,
    allowed_seconds: 2400,
    remaining_ms: 600_000,
    added_minutes: 0,
    running: true,
    connected: true,
    last_heard_at: '2026-12-02T09:10:00Z',
    irregularities: {},
    submitted_by: null,
    ...change,
  };
}

function snapshot(): Snapshot {
  const row = (booking: number, number: string, given: string, family: string, a: AttemptView | null) => ({
    booking,
    candidate: booking,
    candidate_number: number,
    given_name: given,
    family_name: family,
    extra_time_percent: booking === 2 ? 25 : 0,
    keycode: 'KEY' + booking,
    admitted_at: a ? '2026-12-02T09:00:00Z' : null,
    state: a ? a.state : ('booked' as const),
    attempt: a,
  });
  return {
    type: 'snapshot',
    server_time_ms: Date.parse('2026-12-02T09:10:00Z'),
    session,
    candidates: [
      row(1, '0001', 'Amira', 'Hassan', attempt(1, { answered: 5 })),
      row(2, '0002', 'Ben', 'Clarke', attempt(2, { remaining_ms: 300_000, answered: 9 })),
      row(3, '0003', 'Chloe', 'Davies', null),
    ],
    incidents: [],
  };
}

const t0 = Date.parse('2026-12-02T09:10:00Z');

test('a snapshot becomes the room, with the offset between the clocks', () => {
  const room = fromSnapshot(snapshot(), t0 - 2000);
  assert.equal(room.rows.length, 3);
  assert.equal(room.clock_offset_ms, 2000, 'the server is two seconds ahead of this browser');
  assert.equal(room.rows[2]!.state, 'booked');
});

test('an attempt event replaces its own row only, so other rows keep their identity', () => {
  const room = fromSnapshot(snapshot(), t0);
  const next = applyEvent(room, { type: 'attempt', server_time_ms: t0 + 1000, attempt: attempt(1, { answered: 6 }) }, t0 + 1000);
  assert.notEqual(next, room);
  assert.equal(next.rows[0]!.attempt!.answered, 6);
  assert.equal(next.rows[1], room.rows[1], 'an untouched row is the same object: it is not redrawn');
  assert.equal(next.rows[2], room.rows[2]);
  assert.equal(room.rows[0]!.attempt!.answered, 5, 'the old room is unchanged');
});

test('admission turns a booked row admitted; an unknown booking changes nothing', () => {
  const room = fromSnapshot(snapshot(), t0);
  const admitted = applyEvent(room, { type: 'admitted', server_time_ms: t0, booking: { id: 3, admitted_at: '2026-12-02T09:10:00Z' } }, t0);
  assert.equal(admitted.rows[2]!.state, 'admitted');
  assert.equal(admitted.rows[2]!.admitted_at, '2026-12-02T09:10:00Z');
  const same = applyEvent(room, { type: 'attempt', server_time_ms: t0, attempt: attempt(99) }, t0);
  assert.equal(same, room);
});

test('incidents are added once each; a session event replaces the session', () => {
  const room = fromSnapshot(snapshot(), t0);
  const incident = { id: 7, session: 1, kind: 'disruption', description: 'fire alarm', recorded_by: 'staff:invigilator', at: '2026-12-02T09:11:00Z', candidate: null };
  const once = applyEvent(room, { type: 'incident', server_time_ms: t0, incident }, t0);
  const twice = applyEvent(once, { type: 'incident', server_time_ms: t0, incident }, t0);
  assert.equal(twice.incidents.length, 1);
  const closed = applyEvent(room, { type: 'session', server_time_ms: t0, session: { ...session, status: 'closed' } }, t0);
  assert.equal(closed.session.status, 'closed');
});

test('remaining time counts down on the server clock only while the attempt runs', () => {
  const room = fromSnapshot(snapshot(), t0);
  const amira = room.rows[0]!;
  assert.equal(remainingMs(amira, t0 + 60_000), 540_000);
  assert.equal(remainingMs(amira, t0 + 10_000_000), 0, 'never below zero');
  const paused = applyEvent(room, { type: 'attempt', server_time_ms: t0, attempt: attempt(1, { state: 'paused', running: false }) }, t0);
  assert.equal(remainingMs(paused.rows[0]!, t0 + 60_000), 600_000, 'a pause stops the clock');
  assert.equal(remainingMs(room.rows[2]!, t0), null, 'not logged in: no clock');
  assert.equal(formatDuration(600_000), '10:00');
  assert.equal(formatDuration(3_725_000), '1:02:05');
  assert.equal(formatDuration(500), '0:01', 'part of a second left shows as a second');
});

test('connection words: connected, last heard N seconds ago, or finished', () => {
  const room = fromSnapshot(snapshot(), t0);
  assert.equal(connectionText(room.rows[0]!, t0), 'Connected');
  const silent = applyEvent(room, { type: 'attempt', server_time_ms: t0, attempt: attempt(1, { connected: false }) }, t0).rows[0]!;
  assert.equal(connectionText(silent, t0 + 45_000), 'Last heard 45 s ago');
  assert.equal(connectionText(silent, t0 + 600_000), 'Last heard 10 min ago');
  assert.ok(rowTicks(silent), 'a silent row redraws as the seconds pass');
  const done = applyEvent(room, { type: 'attempt', server_time_ms: t0, attempt: attempt(1, { state: 'submitted', running: false, connected: false }) }, t0).rows[0]!;
  assert.equal(connectionText(done, t0), 'Finished');
  assert.ok(!rowTicks(done), 'a finished row stands still');
  assert.equal(connectionText(room.rows[2]!, t0), 'Not logged in');
});

test('filters pick the candidates an invigilator asks for', () => {
  let room = fromSnapshot(snapshot(), t0);
  room = applyEvent(room, { type: 'attempt', server_time_ms: t0, attempt: attempt(2, { connected: false, irregularities: { focus_lost: 3 } }) }, t0);
  const c = counts(room.rows);
  assert.equal(c.all, 3);
  assert.equal(c.not_started, 1);
  assert.equal(c.in_progress, 2);
  assert.equal(c.disconnected, 1);
  assert.equal(c.attention, 1);
  assert.ok(matchesFilter(room.rows[1]!, 'disconnected'));
  assert.deepEqual(irregularityText(room.rows[1]!), ['left the test window 3 times']);
});

test('sorting by time left puts the least first and those without a clock last', () => {
  const room = fromSnapshot(snapshot(), t0);
  const byTime = sortRows(room.rows, 'remaining', t0).map((r) => r.candidate_number);
  assert.deepEqual(byTime, ['0002', '0001', '0003']);
  const byName = sortRows(room.rows, 'name', t0).map((r) => r.family_name);
  assert.deepEqual(byName, ['Clarke', 'Davies', 'Hassan']);
  const byAnswered = sortRows(room.rows, 'answered', t0).map((r) => r.candidate_number);
  assert.deepEqual(byAnswered, ['0003', '0001', '0002']);
});
