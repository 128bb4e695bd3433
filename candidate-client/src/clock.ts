// The time left, as the server last said it. Between two reports it counts
// down by the monotonic time elapsed on this computer (performance.now), never
// by the computer's date and time, which the candidate could change; every
// heartbeat, save and feed message sets it again from the server.

export class ServerClock {
  private remainingMs = 0;
  private running = false;
  private at = 0;

  constructor(private readonly now: () => number = () => performance.now()) {}

  set(remainingMs: number, running: boolean): void {
    this.remainingMs = Math.max(0, remainingMs);
    this.running = running;
    this.at = this.now();
  }

  remaining(): number {
    if (!this.running) return this.remainingMs;
    return Math.max(0, this.remainingMs - (this.now() - this.at));
  }

  isRunning(): boolean {
    return this.running;
  }
}

// "1 hour 5 minutes" style words for screen readers and the before-test page.
export function durationWords(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (hours > 0) parts.push(`${hours} hour${hours === 1 ? '' : 's'}`);
  if (rest > 0 || hours === 0) parts.push(`${rest} minute${rest === 1 ? '' : 's'}`);
  return parts.join(' ');
}

// "38:05" or "1:02:09".
export function clockText(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

// The warnings, in minutes, announced once each as the time left crosses them.
export const warningMinutes = [10, 5, 1] as const;

export class Warnings {
  private last: number | null = null;

  // The warning crossed since the previous call, if any. The first call only
  // notes where the clock stands: a candidate resuming with 4 minutes left is
  // not told "5 minutes left".
  crossed(remainingMs: number): number | null {
    const previous = this.last;
    this.last = remainingMs;
    if (previous === null) return null;
    for (const m of warningMinutes) {
      const at = m * 60_000;
      if (previous > at && remainingMs <= at) return m;
    }
    return null;
  }
}
