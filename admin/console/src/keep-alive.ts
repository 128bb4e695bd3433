// Staff sessions expire after 30 minutes without a request (DESIGN: idle
// expiry). An invigilator watching a two-hour room makes no request while the
// feed keeps the room live, yet is anything but idle: without this, the
// first pause after half an hour would bounce them to sign-in. So while the
// person at the keyboard is active (a key or a pointer within the last 25
// minutes) the console touches the session every few minutes; a laptop left
// alone still expires as it should.

export interface KeepAliveDeps {
  now: () => number;
  every: (ms: number, f: () => void) => () => void; // starts a repeating timer, returns its stop
  touch: () => Promise<unknown>;
}

export const idleLimitMs = 25 * 60_000;
export const touchEveryMs = 4 * 60_000;

export class ActivityKeepAlive {
  private lastActivity: number;
  private stop: (() => void) | null = null;

  constructor(private readonly deps: KeepAliveDeps) {
    this.lastActivity = deps.now();
  }

  activity(): void {
    this.lastActivity = this.deps.now();
  }

  start(): void {
    if (this.stop) return;
    this.stop = this.deps.every(touchEveryMs, () => {
      if (this.deps.now() - this.lastActivity < idleLimitMs) this.deps.touch().catch(() => undefined);
    });
  }

  end(): void {
    this.stop?.();
    this.stop = null;
  }
}
