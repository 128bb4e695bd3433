// The room as the invigilator sees it, built from the feed's snapshot and
// kept up to date by its events (docs/live-feed.md). Plain data and pure
// functions, unit-tested without a browser: an event replaces only the row it
// is about, so the page redraws only that row.

export type CandidateState = 'booked' | 'admitted' | 'in_progress' | 'paused' | 'submitted' | 'marked' | 'void';

export interface AttemptView {
  attempt: number;
  booking: number;
  candidate: number;
  state: CandidateState;
  items: number;
  answered: number;
  flagged: number;
  allowed_seconds: number;
  remaining_ms: number;
  added_minutes: number;
  running: boolean;
  connected: boolean;
  last_heard_at: string | null;
  irregularities: Record<string, number>;
  submitted_by: string | null;
  void_reason?: string;
}

export interface RoomRow {
  booking: number;
  candidate: number;
  candidate_number: string;
  given_name: string;
  family_name: string;
  extra_time_percent: number;
  keycode: string;
  admitted_at: string | null;
  state: CandidateState;
  attempt: AttemptView | null;
  // The server's time when `attempt` was current: remaining time counts down from it.
  as_of_ms: number;
}

export interface Incident {
  id: number;
  session: number;
  kind: string;
  description: string;
  recorded_by: string;
  at: string;
  candidate: number | null;
}

export interface SessionView {
  id: number;
  centre: number;
  unit: string;
  starts_at: string;
  ends_at: string;
  room: string;
  status: string;
  invigilators: number[];
}

export interface Room {
  session: SessionView;
  rows: RoomRow[];
  incidents: Incident[];
  // How far the server's clock is ahead of this browser's (ms).
  clock_offset_ms: number;
}

type RowJson = Omit<RoomRow, 'as_of_ms'>;

export interface Snapshot {
  type: 'snapshot';
  server_time_ms: number;
  session: SessionView;
  candidates: RowJson[];
  incidents: Incident[];
}

export type FeedEvent =
  | { type: 'attempt'; server_time_ms: number; attempt: AttemptView }
  | { type: 'admitted'; server_time_ms: number; booking: { id: number; admitted_at?: string | null } }
  | { type: 'incident'; server_time_ms: number; incident: Incident }
  | { type: 'session'; server_time_ms: number; session: SessionView };

export function fromSnapshot(s: Snapshot, localNowMs: number): Room {
  return {
    session: s.session,
    rows: s.candidates.map((c) => ({ ...c, as_of_ms: s.server_time_ms })),
    incidents: s.incidents,
    clock_offset_ms: s.server_time_ms - localNowMs,
  };
}

function replaceRow(room: Room, index: number, row: RoomRow): Room {
  const rows = room.rows.slice();
  rows[index] = row;
  return { ...room, rows };
}

// The room after one event; the same object when the event changes nothing here.
export function applyEvent(room: Room, e: FeedEvent, localNowMs: number): Room {
  const withClock = { ...room, clock_offset_ms: e.server_time_ms - localNowMs };
  switch (e.type) {
    case 'attempt': {
      const i = room.rows.findIndex((r) => r.booking === e.attempt.booking);
      if (i < 0) return room;
      const old = room.rows[i]!;
      return replaceRow(withClock, i, { ...old, attempt: e.attempt, state: e.attempt.state, as_of_ms: e.server_time_ms });
    }
    case 'admitted': {
      const i = room.rows.findIndex((r) => r.booking === e.booking.id);
      if (i < 0) return room;
      const old = room.rows[i]!;
      const state: CandidateState = old.attempt ? old.state : 'admitted';
      return replaceRow(withClock, i, { ...old, admitted_at: e.booking.admitted_at ?? new Date(e.server_time_ms).toISOString(), state });
    }
    case 'incident':
      if (room.incidents.some((x) => x.id === e.incident.id)) return room;
      return { ...withClock, incidents: [...room.incidents, e.incident] };
    case 'session':
      return { ...withClock, session: e.session };
  }
}

// Remaining time now, counting down from the feed's figure while the clock runs.
export function remainingMs(row: RoomRow, serverNowMs: number): number | null {
  const a = row.attempt;
  if (!a) return null;
  if (!a.running) return Math.max(0, a.remaining_ms);
  return Math.max(0, a.remaining_ms - Math.max(0, serverNowMs - row.as_of_ms));
}

export function formatDuration(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0');
  return (h > 0 ? `${h}:` : '') + `${mm}:${String(s).padStart(2, '0')}`;
}

export const stateLabels: Record<CandidateState, string> = {
  booked: 'Booked',
  admitted: 'Admitted',
  in_progress: 'In progress',
  paused: 'Paused',
  submitted: 'Submitted',
  marked: 'Submitted',
  void: 'Void',
};

const live = new Set<CandidateState>(['in_progress', 'paused']);

export function isFinished(row: RoomRow): boolean {
  return row.state === 'submitted' || row.state === 'marked' || row.state === 'void';
}

// Whether the row shows anything that changes with time alone: a running
// clock, or how long ago a silent candidate was last heard.
export function rowTicks(row: RoomRow): boolean {
  const a = row.attempt;
  return a !== null && !isFinished(row) && (a.running || (!a.connected && a.last_heard_at !== null));
}

export function isDisconnected(row: RoomRow): boolean {
  return row.attempt !== null && live.has(row.state) && !row.attempt.connected;
}

// "Connected", "Last heard 40 s ago", or "Not connected yet".
export function connectionText(row: RoomRow, serverNowMs: number): string {
  const a = row.attempt;
  if (!a) return 'Not logged in';
  if (isFinished(row)) return 'Finished';
  if (a.connected) return 'Connected';
  if (!a.last_heard_at) return 'Not connected yet';
  const ago = Math.max(0, Math.round((serverNowMs - Date.parse(a.last_heard_at)) / 1000));
  if (ago < 120) return `Last heard ${ago} s ago`;
  return `Last heard ${Math.round(ago / 60)} min ago`;
}

export const irregularityLabels: Record<string, string> = {
  focus_lost: 'left the test window',
  page_hidden: 'hid the page',
  fullscreen_exit: 'left full screen',
  copy_attempt: 'tried to copy',
  paste_attempt: 'tried to paste',
};

export function irregularityText(row: RoomRow): string[] {
  const found = row.attempt?.irregularities ?? {};
  return Object.entries(found)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${irregularityLabels[kind] ?? kind.replace(/_/g, ' ')} ${n} ${n === 1 ? 'time' : 'times'}`);
}

export type Filter = 'all' | 'not_started' | 'in_progress' | 'paused' | 'disconnected' | 'finished' | 'void' | 'attention';

export const filterLabels: Record<Filter, string> = {
  all: 'Everyone',
  not_started: 'Not yet started',
  in_progress: 'In progress',
  paused: 'Paused',
  disconnected: 'Disconnected',
  finished: 'Submitted',
  void: 'Void',
  attention: 'Needs attention',
};

export function matchesFilter(row: RoomRow, f: Filter): boolean {
  switch (f) {
    case 'all':
      return true;
    case 'not_started':
      return row.state === 'booked' || row.state === 'admitted';
    case 'in_progress':
      return row.state === 'in_progress';
    case 'paused':
      return row.state === 'paused';
    case 'disconnected':
      return isDisconnected(row);
    case 'finished':
      return row.state === 'submitted' || row.state === 'marked';
    case 'void':
      return row.state === 'void';
    case 'attention':
      return isDisconnected(row) || irregularityText(row).length > 0 || row.state === 'paused';
  }
}

export type Sort = 'number' | 'name' | 'remaining' | 'answered' | 'state';

export const sortLabels: Record<Sort, string> = {
  number: 'Candidate number',
  name: 'Name',
  remaining: 'Time remaining (least first)',
  answered: 'Answered (fewest first)',
  state: 'State',
};

const stateOrder: CandidateState[] = ['paused', 'in_progress', 'admitted', 'booked', 'submitted', 'marked', 'void'];

export function sortRows(rows: RoomRow[], sort: Sort, serverNowMs: number): RoomRow[] {
  const copy = rows.slice();
  const byNumber = (a: RoomRow, b: RoomRow) => a.candidate_number.localeCompare(b.candidate_number);
  const key: Record<Sort, (a: RoomRow, b: RoomRow) => number> = {
    number: byNumber,
    name: (a, b) => a.family_name.localeCompare(b.family_name) || a.given_name.localeCompare(b.given_name) || byNumber(a, b),
    remaining: (a, b) =>
      (remainingMs(a, serverNowMs) ?? Number.MAX_SAFE_INTEGER) - (remainingMs(b, serverNowMs) ?? Number.MAX_SAFE_INTEGER) ||
      byNumber(a, b),
    answered: (a, b) => (a.attempt?.answered ?? -1) - (b.attempt?.answered ?? -1) || byNumber(a, b),
    state: (a, b) => stateOrder.indexOf(a.state) - stateOrder.indexOf(b.state) || byNumber(a, b),
  };
  return copy.sort(key[sort]);
}

export function counts(rows: RoomRow[]): Record<Filter, number> {
  const c = {} as Record<Filter, number>;
  for (const f of Object.keys(filterLabels) as Filter[]) c[f] = rows.filter((r) => matchesFilter(r, f)).length;
  return c;
}
