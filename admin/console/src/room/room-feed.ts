// The room's live feed (wss://this-server/api/v1/sessions/{id}/feed): the
// first message carries the token and asks for batches; the server answers
// with a snapshot, then events as each change commits. A dropped connection
// is reopened with growing pauses, and the fresh snapshot replaces the room
// whole, so nothing missed while away can linger.
import type { FeedEvent, Snapshot } from './room-model';

export type FeedStatus = 'connecting' | 'live' | 'reconnecting' | 'refused';

export interface FeedHandlers {
  onSnapshot: (s: Snapshot, reconnected: boolean) => void;
  onEvents: (events: FeedEvent[]) => void;
  onStatus: (status: FeedStatus, detail?: string) => void;
}

export class RoomFeed {
  private socket: WebSocket | null = null;
  private retryMs = 500;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private hadSnapshot = false;

  constructor(
    private readonly session: number,
    private readonly token: () => string | null,
    private readonly handlers: FeedHandlers,
  ) {
    this.open();
  }

  close(): void {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.socket?.close(1000);
  }

  reconnectNow(): void {
    if (this.closed || (this.socket && this.socket.readyState <= WebSocket.OPEN)) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.open();
  }

  private open(): void {
    const token = this.token();
    if (token === null) {
      this.handlers.onStatus('refused', 'signed out');
      return;
    }
    this.handlers.onStatus(this.hadSnapshot ? 'reconnecting' : 'connecting');
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(`${scheme}//${location.host}/api/v1/sessions/${this.session}/feed`);
    this.socket = socket;
    socket.onopen = () => socket.send(JSON.stringify({ token, batch: true }));
    socket.onmessage = (event) => {
      let message: { type?: string; events?: FeedEvent[] };
      try {
        message = JSON.parse(String(event.data));
      } catch {
        return;
      }
      if (message.type === 'snapshot') {
        const reconnected = this.hadSnapshot;
        this.hadSnapshot = true;
        this.retryMs = 500;
        this.handlers.onSnapshot(message as unknown as Snapshot, reconnected);
        this.handlers.onStatus('live');
      } else if (message.type === 'batch' && Array.isArray(message.events)) {
        this.handlers.onEvents(message.events);
      } else if (message.type) {
        this.handlers.onEvents([message as FeedEvent]);
      }
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.closed) return;
      // 1008: the token was refused or the session is not this user's.
      if (event.code === 1008) {
        this.handlers.onStatus('refused', event.reason);
        return;
      }
      this.handlers.onStatus('reconnecting');
      this.timer = setTimeout(() => {
        this.timer = null;
        this.open();
      }, this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 10_000);
    };
  }
}
