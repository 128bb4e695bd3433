// The candidate's changes on their way to the server. Every change is held in
// browser storage before it is sent, so a lost connection, a reload or a closed
// tab loses nothing; changes go out one at a time, oldest first, and a failed
// send is retried with growing pauses. The server ignores a sequence number it
// has already seen (or an older one), which is what makes retrying safe.
// No DOM here: the player gives it storage, a sender and a timer, and tests
// give it fakes.

export interface SaveEntry {
  position: number;
  sequence: number;
  selected: string[];
  flagged: boolean;
}

// What became of one send. "retry": the network or the server failed, try
// again later. "hold": the server refuses for now (the test is paused), keep
// it and wait to be told to go on. "drop": it can never succeed (the attempt
// is over, or the change is invalid), so stop holding it.
export type SendOutcome = 'sent' | 'retry' | 'hold' | 'drop';

// "saved": nothing waits. "saving": a change is on its way. "held": changes
// wait on this computer because the last try failed.
export type SaveStatus = 'saved' | 'saving' | 'held';

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface Timer {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface SaveQueueOptions {
  storage: KeyValueStorage;
  storageKey: string;
  send: (entry: SaveEntry) => Promise<SendOutcome>;
  timer: Timer;
  onStatus?: (status: SaveStatus, pending: number) => void;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

interface Persisted {
  entries: SaveEntry[];
  // The highest sequence number handed out, so that numbers keep rising across reloads.
  lastSequence: number;
}

export class SaveQueue {
  private entries: SaveEntry[];
  private lastSequence: number;
  private inFlight = false;
  private retryHandle: unknown = null;
  private failures = 0;
  private held = false;
  private status: SaveStatus = 'saved';
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;

  constructor(private readonly options: SaveQueueOptions) {
    this.initialBackoffMs = options.initialBackoffMs ?? 1000;
    this.maxBackoffMs = options.maxBackoffMs ?? 30000;
    const restored = readPersisted(options.storage, options.storageKey);
    this.entries = restored.entries;
    this.lastSequence = restored.lastSequence;
    if (this.entries.length > 0) this.held = true;
  }

  // Raises the sequence counter past what the server already holds (another
  // computer may have saved with higher numbers).
  noteServerSequence(sequence: number): void {
    if (sequence > this.lastSequence) {
      this.lastSequence = sequence;
      this.persist();
    }
  }

  nextSequence(): number {
    this.lastSequence += 1;
    this.persist();
    return this.lastSequence;
  }

  // Queues a change and starts sending. A change whose sequence is not newer
  // than one already queued for the same position is a duplicate and ignored;
  // a newer one replaces the older that has not yet gone out.
  enqueue(entry: SaveEntry): boolean {
    const same = this.entries.findIndex((e) => e.position === entry.position);
    if (same >= 0) {
      const existing = this.entries[same]!;
      if (existing.sequence >= entry.sequence) return false;
      // The first entry may be on its way: leave it, the newer one follows it.
      if (!(this.inFlight && same === 0)) this.entries.splice(same, 1);
    }
    if (entry.sequence > this.lastSequence) this.lastSequence = entry.sequence;
    this.entries.push({ ...entry, selected: [...entry.selected] });
    this.persist();
    this.pump();
    return true;
  }

  // The latest queued state of a position, if any: what the screen must show
  // even though the server does not have it yet.
  pendingFor(position: number): SaveEntry | undefined {
    for (let i = this.entries.length - 1; i >= 0; i -= 1) {
      if (this.entries[i]!.position === position) return this.entries[i];
    }
    return undefined;
  }

  pending(): readonly SaveEntry[] {
    return this.entries;
  }

  currentStatus(): SaveStatus {
    return this.status;
  }

  // The connection is back, or the test resumed: try now instead of waiting out the backoff.
  resume(): void {
    if (this.retryHandle !== null) {
      this.options.timer.clear(this.retryHandle);
      this.retryHandle = null;
    }
    this.failures = 0;
    this.pump();
  }

  // Resolves once nothing is queued, or false after `timeoutMs`.
  async drain(timeoutMs: number): Promise<boolean> {
    this.resume();
    const until = Date.now() + timeoutMs;
    while (this.entries.length > 0 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
    }
    return this.entries.length === 0;
  }

  private pump(): void {
    if (this.inFlight || this.retryHandle !== null) {
      this.report();
      return;
    }
    const next = this.entries[0];
    if (next === undefined) {
      this.held = false;
      this.report();
      return;
    }
    this.inFlight = true;
    this.report();
    this.options
      .send(next)
      .catch((): SendOutcome => 'retry')
      .then((outcome) => this.settle(next, outcome));
  }

  private settle(entry: SaveEntry, outcome: SendOutcome): void {
    this.inFlight = false;
    if (outcome === 'sent' || outcome === 'drop') {
      const i = this.entries.indexOf(entry);
      if (i >= 0) this.entries.splice(i, 1);
      this.failures = 0;
      this.held = false;
      this.persist();
      this.pump();
      return;
    }
    this.held = true;
    if (outcome === 'hold') {
      this.report();
      return;
    }
    const delay = Math.min(this.maxBackoffMs, this.initialBackoffMs * 2 ** this.failures);
    this.failures += 1;
    this.retryHandle = this.options.timer.set(() => {
      this.retryHandle = null;
      this.pump();
    }, delay);
    this.report();
  }

  private report(): void {
    let status: SaveStatus = 'saved';
    if (this.entries.length > 0) status = this.held ? 'held' : 'saving';
    this.status = status;
    this.options.onStatus?.(status, this.entries.length);
  }

  private persist(): void {
    const data: Persisted = { entries: this.entries, lastSequence: this.lastSequence };
    try {
      this.options.storage.setItem(this.options.storageKey, JSON.stringify(data));
    } catch {
      // Storage full or disabled: the queue still works for as long as the page stays open.
    }
  }
}

function readPersisted(storage: KeyValueStorage, key: string): Persisted {
  let raw: string | null = null;
  try {
    raw = storage.getItem(key);
  } catch {
    raw = null;
  }
  if (raw === null) return { entries: [], lastSequence: 0 };
  try {
    const parsed = JSON.parse(raw) as Partial<Persisted>;
    const entries = Array.isArray(parsed.entries) ? parsed.entries.filter(isEntry) : [];
    const lastSequence = typeof parsed.lastSequence === 'number' ? parsed.lastSequence : 0;
    return { entries, lastSequence: Math.max(lastSequence, ...entries.map((e) => e.sequence)) };
  } catch {
    return { entries: [], lastSequence: 0 };
  }
}

function isEntry(value: unknown): value is SaveEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e['position'] === 'number' &&
    typeof e['sequence'] === 'number' &&
    typeof e['flagged'] === 'boolean' &&
    Array.isArray(e['selected']) &&
    e['selected'].every((s) => typeof s === 'string')
  );
}
