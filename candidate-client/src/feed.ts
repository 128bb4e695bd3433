// The candidate's live feed (wss://this-server/api/v1/attempt/feed): the
// server pushes the attempt's state as it changes (admitted, paused, resumed,
// extra time, time up, voided), so the player reacts at once without polling.
// The first message carries the token; a dropped connection is reopened with
// growing pauses.
import type { AttemptStatus } from './api';

export class AttemptFeed {
  private socket: WebSocket | null = null;
  private retryMs = 1000;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(
    private readonly token: string,
    private readonly onAttempt: (a: AttemptStatus) => void,
  ) {
    this.open();
  }

  close(): void {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.socket?.close(1000);
  }

  // The browser says the network is back: reconnect now rather than after the pause.
  reconnectNow(): void {
    if (this.closed || (this.socket && this.socket.readyState <= WebSocket.OPEN)) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.open();
  }

  private open(): void {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(`${scheme}//${location.host}/api/v1/attempt/feed`);
    this.socket = socket;
    socket.onopen = () => {
      socket.send(JSON.stringify({ token: this.token }));
      this.retryMs = 1000;
    };
    socket.onmessage = (event) => {
      try {
        const message = JSON.parse(String(event.data)) as { type?: string; attempt?: AttemptStatus };
        if (message.type === 'attempt' && message.attempt) this.onAttempt(message.attempt);
      } catch {
        // Not JSON: ignore it rather than stop following the feed.
      }
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      // 1008: the token was refused; logging in again is the only cure.
      if (this.closed || event.code === 1008) return;
      this.timer = setTimeout(() => {
        this.timer = null;
        this.open();
      }, this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 30_000);
    };
  }
}
