// The save queue against a fake server, a fake timer and in-memory storage.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { SaveQueue, type SaveEntry, type SaveStatus, type SendOutcome } from '../src/save-queue';

class MemoryStorage {
  readonly data = new Map<string, string>();
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
}

// Timers that fire only when the test says so, recording each delay asked for.
class ManualTimer {
  readonly delays: number[] = [];
  private pending = new Map<number, () => void>();
  private next = 1;
  set(callback: () => void, ms: number): unknown {
    this.delays.push(ms);
    const id = this.next++;
    this.pending.set(id, callback);
    return id;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  fireAll(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const f of due) f();
  }
  get waiting(): number {
    return this.pending.size;
  }
}

// A server that keeps the newest sequence per position, as exam-server does,
// and can be switched off.
class FakeServer {
  online = true;
  paused = false;
  readonly received: SaveEntry[] = [];
  readonly held = new Map<number, SaveEntry>();
  async send(entry: SaveEntry): Promise<SendOutcome> {
    await Promise.resolve();
    if (!this.online) return 'retry';
    if (this.paused) return 'hold';
    this.received.push(entry);
    const current = this.held.get(entry.position);
    if (current === undefined || current.sequence < entry.sequence) this.held.set(entry.position, entry);
    return 'sent';
  }
}

const settle = () => new Promise((r) => setTimeout(r, 0));

function makeQueue(storage = new MemoryStorage(), server = new FakeServer(), timer = new ManualTimer()) {
  const statuses: SaveStatus[] = [];
  const queue = new SaveQueue({
    storage,
    storageKey: 'q',
    send: (e) => server.send(e),
    timer,
    onStatus: (s) => statuses.push(s),
    initialBackoffMs: 100,
    maxBackoffMs: 800,
  });
  return { queue, storage, server, timer, statuses };
}

function change(queue: SaveQueue, position: number, selected: string[], flagged = false): SaveEntry {
  const entry = { position, sequence: queue.nextSequence(), selected, flagged };
  queue.enqueue(entry);
  return entry;
}

test('changes reach the server in the order they were made, and the status ends saved', async () => {
  const { queue, server, statuses } = makeQueue();
  change(queue, 0, ['A']);
  change(queue, 1, ['B']);
  change(queue, 2, ['C', 'D']);
  for (let i = 0; i < 5; i++) await settle();
  assert.deepEqual(
    server.received.map((e) => [e.position, e.sequence]),
    [
      [0, 1],
      [1, 2],
      [2, 3],
    ],
  );
  assert.equal(queue.pending().length, 0);
  assert.equal(statuses.at(-1), 'saved');
  assert.ok(statuses.includes('saving'));
});

test('offline changes are held, retried with growing pauses, and sent in order when the connection returns', async () => {
  const { queue, server, timer, statuses } = makeQueue();
  server.online = false;
  change(queue, 3, ['A']);
  await settle();
  assert.equal(queue.currentStatus(), 'held');
  change(queue, 4, ['B']);
  change(queue, 5, ['C']);
  for (let i = 0; i < 3; i++) {
    timer.fireAll();
    await settle();
  }
  assert.deepEqual(timer.delays, [100, 200, 400, 800]);
  timer.fireAll();
  await settle();
  assert.equal(timer.delays.at(-1), 800, 'the pause stops growing at the maximum');
  assert.equal(server.received.length, 0);
  assert.equal(queue.pending().length, 3);

  server.online = true;
  queue.resume();
  for (let i = 0; i < 6; i++) await settle();
  assert.deepEqual(
    server.received.map((e) => e.position),
    [3, 4, 5],
  );
  assert.equal(statuses.at(-1), 'saved');
  assert.equal(timer.waiting, 0);
});

test('held changes survive a reload and are sent by the new page', async () => {
  const storage = new MemoryStorage();
  const first = makeQueue(storage);
  first.server.online = false;
  change(first.queue, 0, ['A']);
  change(first.queue, 1, ['B'], true);
  await settle();
  assert.equal(first.server.received.length, 0);

  // The page reloads: a new queue over the same storage, a server that answers.
  const second = makeQueue(storage);
  assert.equal(second.queue.currentStatus(), 'saved', 'nothing reported before the first send');
  assert.equal(second.queue.pending().length, 2);
  assert.deepEqual(second.queue.pendingFor(1)?.selected, ['B']);
  second.queue.resume();
  for (let i = 0; i < 5; i++) await settle();
  assert.deepEqual(
    second.server.received.map((e) => [e.position, e.sequence, e.flagged]),
    [
      [0, 1, false],
      [1, 2, true],
    ],
  );
  // Sequence numbers keep rising after the reload.
  assert.equal(second.queue.nextSequence(), 3);
});

test('a change whose sequence is not newer than one queued for the same item is ignored', async () => {
  const { queue, server } = makeQueue();
  server.online = false;
  assert.equal(queue.enqueue({ position: 2, sequence: 5, selected: ['A'], flagged: false }), true);
  assert.equal(queue.enqueue({ position: 2, sequence: 5, selected: ['A'], flagged: false }), false);
  assert.equal(queue.enqueue({ position: 2, sequence: 4, selected: ['C'], flagged: false }), false);
  await settle();
  assert.equal(queue.pending().length, 1);
  assert.deepEqual(queue.pendingFor(2)?.selected, ['A']);
});

test('a newer change to an item replaces the older one still waiting, so the server ends with the newest', async () => {
  const { queue, server, timer } = makeQueue();
  server.online = false;
  change(queue, 0, ['A']);
  await settle();
  change(queue, 1, ['B']);
  change(queue, 1, ['C']);
  assert.equal(queue.pending().length, 2);
  server.online = true;
  timer.fireAll();
  for (let i = 0; i < 5; i++) await settle();
  assert.deepEqual(server.held.get(1)?.selected, ['C']);
  assert.deepEqual(
    server.received.map((e) => e.sequence),
    [1, 3],
  );
});

test('a change made while the previous one for the same item is on its way follows it', async () => {
  const { queue, server } = makeQueue();
  change(queue, 0, ['A']);
  change(queue, 0, ['B']);
  for (let i = 0; i < 5; i++) await settle();
  assert.deepEqual(
    server.received.map((e) => e.selected[0]),
    ['A', 'B'],
  );
  assert.deepEqual(server.held.get(0)?.selected, ['B']);
});

test('a refused change is dropped; a pause holds changes until resumed', async () => {
  const storage = new MemoryStorage();
  const server = new FakeServer();
  const timer = new ManualTimer();
  let refuse = true;
  const queue = new SaveQueue({
    storage,
    storageKey: 'q',
    timer,
    send: async (e) => (refuse ? 'drop' : server.send(e)),
  });
  change(queue, 0, ['Z']);
  await settle();
  assert.equal(queue.pending().length, 0);

  refuse = false;
  server.paused = true;
  change(queue, 1, ['A']);
  await settle();
  assert.equal(queue.currentStatus(), 'held');
  assert.equal(timer.waiting, 0, 'a pause waits to be told, it does not poll');
  server.paused = false;
  queue.resume();
  for (let i = 0; i < 3; i++) await settle();
  assert.equal(queue.pending().length, 0);
  assert.deepEqual(server.held.get(1)?.selected, ['A']);
});

test('a sender that throws counts as a network failure', async () => {
  const timer = new ManualTimer();
  const queue = new SaveQueue({
    storage: new MemoryStorage(),
    storageKey: 'q',
    timer,
    send: () => Promise.reject(new TypeError('Failed to fetch')),
    initialBackoffMs: 50,
  });
  change(queue, 0, ['A']);
  await settle();
  await settle();
  assert.equal(queue.currentStatus(), 'held');
  assert.deepEqual(timer.delays, [50]);
});

test('the server\'s sequence numbers raise the counter; corrupt storage starts empty', () => {
  const storage = new MemoryStorage();
  storage.setItem('q', '{not json');
  const { queue } = makeQueue(storage);
  assert.equal(queue.pending().length, 0);
  queue.noteServerSequence(41);
  queue.noteServerSequence(7);
  assert.equal(queue.nextSequence(), 42);
});
