// The invigilator's room: every booked candidate, live from the feed, with
// the session's and each candidate's controls. Remaining time ticks down on
// the server's clock (the feed's server_time_ms), never the laptop's.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, describeError, type Me } from '../api';
import { Link } from '../frame';
import { PageHeading } from '../ui/page-heading';
import { Loading, Notice, Problem } from '../ui/status';
import { RoomDialog, type DialogRequest } from './room-dialogs';
import { RoomFeed, type FeedStatus } from './room-feed';
import {
  applyEvent,
  counts,
  filterLabels,
  fromSnapshot,
  matchesFilter,
  sortLabels,
  sortRows,
  type Filter,
  type Room,
  type RoomRow,
  type Sort,
} from './room-model';
import { RoomRowView, type RowAction } from './room-row';

function formatTime(iso: string): string {
  return new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
}

function formatDay(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
}

export default function RoomPage({ session }: { me: Me; session: number }) {
  const [room, setRoom] = useState<Room | null>(null);
  const [status, setStatus] = useState<FeedStatus>('connecting');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [now, setNow] = useState(() => Date.now());
  const [filter, setFilter] = useState<Filter>('all');
  const [sort, setSort] = useState<Sort>('number');
  const [search, setSearch] = useState('');
  const [dialog, setDialog] = useState<DialogRequest | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const pending = useRef<Room | null>(null);

  const announce = useCallback((m: string) => {
    setNotice(m);
    setAnnouncement(m);
  }, []);

  useEffect(() => {
    // Events arrive in bursts (a room saving at once): fold them into the
    // room and draw once per animation frame, not once per event.
    let frame = 0;
    const flush = () => {
      frame = 0;
      if (pending.current) setRoom(pending.current);
    };
    const feed = new RoomFeed(session, () => api.currentToken(), {
      onSnapshot: (snapshot, reconnected) => {
        pending.current = fromSnapshot(snapshot, Date.now());
        setRoom(pending.current);
        if (reconnected) {
          const at = new Date().toLocaleTimeString('en-GB');
          announce(`The connection was lost and is back: the room was refreshed at ${at}.`);
        }
      },
      onEvents: (events) => {
        let r = pending.current;
        if (!r) return;
        for (const e of events) r = applyEvent(r, e, Date.now());
        pending.current = r;
        if (!frame) frame = requestAnimationFrame(flush);
      },
      onStatus: (s, detail) => {
        setStatus(s);
        if (s === 'refused') {
          setRefusal(detail ?? '');
          // Find out whether the session simply expired (the console then asks to sign in again).
          api.get('/api/v1/me').catch(() => undefined);
        }
      },
    });
    const online = () => feed.reconnectNow();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      if (frame) cancelAnimationFrame(frame);
      feed.close();
    };
  }, [session, announce]);

  // The clocks in the rows tick by themselves (ticking-text.tsx); the page
  // itself needs the time only to re-sort by time left, every few seconds.
  useEffect(() => {
    if (sort !== 'remaining') return undefined;
    const t = setInterval(() => setNow(Date.now()), 5000);
    return () => clearInterval(t);
  }, [sort]);

  const act = useCallback(
    async (call: () => Promise<unknown>, message: string) => {
      setActionError(null);
      try {
        await call();
        announce(message);
      } catch (e) {
        setActionError(e);
      }
    },
    [announce],
  );

  const onRowAction = useCallback(
    (action: RowAction, row: RoomRow) => {
      const name = `${row.given_name} ${row.family_name} (${row.candidate_number})`;
      if (action === 'admit') {
        act(() => api.post(`/api/v1/sessions/${session}/admit`, { bookings: [row.booking] }), `Admitted ${name}.`);
      } else if (action === 'resume') {
        act(() => api.post(`/api/v1/attempts/${row.attempt!.attempt}/resume`), `Resumed ${name}.`);
      } else if (action === 'incident') {
        setDialog({ kind: 'incident', row });
      } else {
        setDialog({ kind: action, row });
      }
    },
    [act, session],
  );

  const serverNow = now + (room?.clock_offset_ms ?? 0);
  // Rows take the clocks' offset rounded to a quarter second, so its jitter
  // from one event to the next does not redraw every row.
  const offsetBucket = Math.round((room?.clock_offset_ms ?? 0) / 250) * 250;
  const visible = useMemo(() => {
    if (!room) return [];
    const q = search.trim().toLowerCase();
    const rows = room.rows.filter(
      (r) =>
        matchesFilter(r, filter) &&
        (!q || `${r.given_name} ${r.family_name} ${r.candidate_number}`.toLowerCase().includes(q)),
    );
    // Sorting by remaining time follows the clock; the other orders do not need to.
    return sortRows(rows, sort, sort === 'remaining' ? serverNow : 0);
  }, [room, filter, sort, search, sort === 'remaining' ? now : 0]);

  if (refusal !== null && !room) {
    return <Problem error={new Error(`This session's room cannot be opened: ${refusal || 'not yours to see'}.`)} title="Not allowed" page />;
  }
  if (!room) return <Loading what="the room" />;

  const s = room.session;
  const c = counts(room.rows);
  const waiting = room.rows.filter((r) => r.state === 'booked' && !r.admitted_at);
  const sitting = c.in_progress;
  const names = new Map(room.rows.map((r) => [r.candidate, `${r.given_name} ${r.family_name}`]));

  return (
    <div class="room">
      <PageHeading title={`Room: ${s.unit}, ${s.room}`}>
        {s.room} <span class="heading-sub">unit {s.unit}</span>
      </PageHeading>
      <p class="session-line">
        {formatDay(s.starts_at)}, {formatTime(s.starts_at)} to {formatTime(s.ends_at)} UTC · Session{' '}
        <span class={`status status-${s.status}`}>{s.status}</span> · {room.rows.length} booked
      </p>
      <p class={`feed-status feed-${status}`} role="status">
        {status === 'live' && 'Live: changes show as they happen.'}
        {status === 'connecting' && 'Connecting to the live feed…'}
        {status === 'reconnecting' && 'Connection lost: reconnecting… The figures below may be out of date.'}
        {status === 'refused' && `The live feed was refused: ${refusal}`}
      </p>
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
      {/* Seen here, heard through the live region above (announced once, not twice). */}
      {notice && <div class="notice notice-success">{notice}</div>}
      {actionError ? <Notice kind="error">{describeError(actionError)}</Notice> : null}

      <div class="toolbar" role="group" aria-label="Session controls">
        {s.status !== 'open' && s.status !== 'closed' && (
          <button type="button" onClick={() => act(() => api.post(`/api/v1/sessions/${session}/open`), 'The session is open.')}>
            Open session
          </button>
        )}
        {waiting.length > 0 && (
          <button
            type="button"
            onClick={() =>
              act(
                () => api.post(`/api/v1/sessions/${session}/admit`, { bookings: waiting.map((r) => r.booking) }),
                `Admitted ${waiting.length} ${waiting.length === 1 ? 'candidate' : 'candidates'}.`,
              )
            }
          >
            Admit all waiting ({waiting.length})
          </button>
        )}
        {sitting > 0 && (
          <button type="button" class="secondary" onClick={() => setDialog({ kind: 'pause-room' })}>
            Pause the room
          </button>
        )}
        {c.paused > 0 && (
          <button
            type="button"
            onClick={() => act(() => api.post(`/api/v1/sessions/${session}/resume`), 'The whole room is resumed.')}
          >
            Resume the room ({c.paused})
          </button>
        )}
        <button type="button" class="secondary" onClick={() => setDialog({ kind: 'incident', row: null })}>
          Record an incident
        </button>
        {s.status === 'open' && (
          <button type="button" class="secondary danger" onClick={() => setDialog({ kind: 'close-session' })}>
            Close session
          </button>
        )}
        <Link to={`/sessions/${session}/register`} class="button-link secondary">
          Attendance register
        </Link>
        <Link to={`/sessions/${session}/slips`} class="button-link secondary">
          Keycode slips
        </Link>
      </div>

      <div class="filters">
        <div class="field inline">
          <label for="room-filter">Show</label>
          <select id="room-filter" value={filter} onChange={(e) => setFilter((e.currentTarget as HTMLSelectElement).value as Filter)}>
            {(Object.keys(filterLabels) as Filter[]).map((f) => (
              <option key={f} value={f}>
                {filterLabels[f]} ({c[f]})
              </option>
            ))}
          </select>
        </div>
        <div class="field inline">
          <label for="room-sort">Sort by</label>
          <select id="room-sort" value={sort} onChange={(e) => setSort((e.currentTarget as HTMLSelectElement).value as Sort)}>
            {(Object.keys(sortLabels) as Sort[]).map((k) => (
              <option key={k} value={k}>
                {sortLabels[k]}
              </option>
            ))}
          </select>
        </div>
        <div class="field inline">
          <label for="room-search">Find</label>
          <input id="room-search" type="search" value={search} placeholder="Name or number" onInput={(e) => setSearch((e.currentTarget as HTMLInputElement).value)} />
        </div>
      </div>
      <p class="counts" aria-label="Room summary">
        {c.not_started} not started · {c.in_progress} in progress · {c.paused} paused · {c.disconnected} disconnected ·{' '}
        {c.finished} submitted · {c.void} void
      </p>

      <div class="table-wrap">
        <table class="room-table">
          <caption class="visually-hidden">
            Candidates in the room: {visible.length} of {room.rows.length} shown
          </caption>
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              <th scope="col">State</th>
              <th scope="col">Answered</th>
              <th scope="col">Time left</th>
              <th scope="col">Connection</th>
              <th scope="col">Irregularities</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((r) => (
              <RoomRowView key={r.booking} row={r} offsetMs={offsetBucket} onAction={onRowAction} />
            ))}
          </tbody>
        </table>
        {visible.length === 0 && <p class="empty">No candidate matches.</p>}
      </div>

      <section class="incidents" aria-labelledby="incidents-heading">
        <h2 id="incidents-heading">Incidents ({room.incidents.length})</h2>
        {room.incidents.length === 0 ? (
          <p>None recorded.</p>
        ) : (
          <ol class="incident-list">
            {room.incidents.map((i) => (
              <li key={i.id}>
                <span class="incident-time">{formatTime(i.at)}</span> <strong>{i.kind.replace(/_/g, ' ')}</strong>
                {i.candidate !== null && <span> · {names.get(i.candidate) ?? `candidate ${i.candidate}`}</span>}: {i.description}{' '}
                <span class="sub">({i.recorded_by})</span>
              </li>
            ))}
          </ol>
        )}
      </section>

      {dialog && (
        <RoomDialog
          request={dialog}
          session={session}
          candidates={room.rows}
          onClose={() => setDialog(null)}
          onDone={(m) => {
            setDialog(null);
            announce(m);
          }}
        />
      )}
    </div>
  );
}
