// A centre's test sessions: today's first (an invigilator sees only those
// assigned to them), then the rest; centre admins book new ones here.
import { useState } from 'preact/hooks';
import { api, type Me, type StaffUser, type TestSession } from '../api';
import { catalogue } from '../catalogue';
import { useDraft } from '../drafts';
import { Link } from '../frame';
import { formatDateTime, formatTime, todayUtc, toUtcIso, utcDay } from '../format';
import { navigate } from '../router';
import { ErrorSummary, errorFor, Select, TextInput } from '../ui/forms';
import { PageHeading } from '../ui/page-heading';
import { Loaded } from '../ui/status';
import { useResource } from '../ui/use-resource';

function SessionTable(props: { sessions: TestSession[]; me: Me; caption: string; units: Map<string, string> }) {
  if (props.sessions.length === 0) return <p>None.</p>;
  return (
    <table class="data">
      <caption class="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">When (UTC)</th>
          <th scope="col">Unit</th>
          <th scope="col">Room</th>
          <th scope="col">Status</th>
          <th scope="col">Open</th>
        </tr>
      </thead>
      <tbody>
        {props.sessions.map((s) => (
          <tr key={s.id}>
            <td>
              {formatDateTime(s.starts_at)} to {formatTime(s.ends_at)}
            </td>
            <td>{props.units.get(s.unit) ?? s.unit}</td>
            <td>{s.room}</td>
            <td>
              <span class={`status status-${s.status}`}>{s.status}</span>
            </td>
            <td class="links">
              <Link to={`/sessions/${s.id}/room`}>
                Room<span class="visually-hidden"> for {s.room}, {s.unit}</span>
              </Link>
              {props.me.role !== 'invigilator' && (
                <Link to={`/sessions/${s.id}`}>
                  Bookings<span class="visually-hidden"> for {s.room}, {s.unit}</span>
                </Link>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function Sessions({ me, centre }: { me: Me; centre: number }) {
  const sessions = useResource(
    () => api.get<{ sessions: TestSession[] }>(`/api/v1/centres/${centre}/sessions`).then((r) => r.sessions),
    [centre],
  );
  const cat = useResource(catalogue, []);
  const units = new Map((cat.data?.units ?? []).map((u) => [u.code, `${u.code} ${u.title}`]));
  const today = todayUtc();
  return (
    <>
      <PageHeading title={me.role === 'invigilator' ? 'Your sessions' : 'Test sessions'} />
      <Loaded resource={sessions} what="the sessions">
        {(list) => {
          const sorted = list.slice().sort((a, b) => a.starts_at.localeCompare(b.starts_at));
          const todays = sorted.filter((s) => utcDay(s.starts_at) <= today && utcDay(s.ends_at) >= today);
          const later = sorted.filter((s) => utcDay(s.starts_at) > today);
          const earlier = sorted.filter((s) => utcDay(s.ends_at) < today).reverse();
          return (
            <>
              <section aria-labelledby="today-heading">
                <h2 id="today-heading">Today</h2>
                <SessionTable sessions={todays} me={me} caption="Today's sessions" units={units} />
              </section>
              <section aria-labelledby="later-heading">
                <h2 id="later-heading">Coming up</h2>
                <SessionTable sessions={later} me={me} caption="Sessions coming up" units={units} />
              </section>
              {earlier.length > 0 && (
                <details class="earlier">
                  <summary>Earlier sessions ({earlier.length})</summary>
                  <SessionTable sessions={earlier} me={me} caption="Earlier sessions" units={units} />
                </details>
              )}
            </>
          );
        }}
      </Loaded>
      {me.role !== 'invigilator' && <BookSession centre={centre} units={cat.data?.units.filter((u) => u.onscreen_test) ?? []} />}
    </>
  );
}

function BookSession(props: { centre: number; units: { code: string; title: string }[] }) {
  const [draft, update, reset] = useDraft(`book-session-${props.centre}`, {
    unit: '',
    date: todayUtc(),
    start: '09:00',
    end: '11:00',
    room: '',
    invigilators: [] as number[],
  });
  const staff = useResource(
    () => api.get<{ staff: StaffUser[] }>(`/api/v1/centres/${props.centre}/staff`).then((r) => r.staff),
    [props.centre],
  );
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<{ field: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const starts = toUtcIso(draft.date, draft.start);
    const ends = toUtcIso(draft.date, draft.end);
    if (!draft.unit) return setLocal({ field: 'unit', message: 'Choose the unit whose test is sat.' });
    if (!starts) return setLocal({ field: 'starts_at', message: 'Enter the date and start time.' });
    if (!ends || ends <= starts) return setLocal({ field: 'ends_at', message: 'The end must be after the start.' });
    if (!draft.room.trim()) return setLocal({ field: 'room', message: 'Name the room.' });
    setLocal(null);
    setBusy(true);
    setError(null);
    try {
      const s = await api.post<TestSession>(`/api/v1/centres/${props.centre}/sessions`, {
        unit: draft.unit,
        starts_at: starts,
        ends_at: ends,
        room: draft.room.trim(),
        invigilators: draft.invigilators,
      });
      reset();
      navigate(`/sessions/${s.id}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  const err = (f: string) => (local?.field === f ? local.message : errorFor(error, f));
  const invigilators = (staff.data ?? []).filter((u) => u.role === 'invigilator' && u.active);
  return (
    <section aria-labelledby="book-heading" class="panel">
      <h2 id="book-heading">Book a session</h2>
      <form onSubmit={submit} noValidate>
        <ErrorSummary error={error} />
        <Select
          id="unit"
          label="Unit"
          value={draft.unit}
          onValue={(v) => update({ unit: v })}
          options={[{ value: '', label: 'Choose a unit' }, ...props.units.map((u) => ({ value: u.code, label: `${u.code} ${u.title}` }))]}
          error={err('unit')}
        />
        <div class="row-fields">
          <TextInput id="date" label="Date" type="date" value={draft.date} onValue={(v) => update({ date: v })} error={err('starts_at')} />
          <TextInput id="start" label="Starts (UTC)" type="time" value={draft.start} onValue={(v) => update({ start: v })} />
          <TextInput id="end" label="Ends (UTC)" type="time" value={draft.end} onValue={(v) => update({ end: v })} error={err('ends_at')} />
        </div>
        <TextInput id="room" label="Room" value={draft.room} onValue={(v) => update({ room: v })} error={err('room')} />
        <fieldset class="checkboxes">
          <legend>Invigilators</legend>
          {invigilators.length === 0 && <p class="hint">No invigilator accounts at this centre yet.</p>}
          {invigilators.map((u) => (
            <div class="checkbox" key={u.id}>
              <input
                type="checkbox"
                id={`invigilator-${u.id}`}
                checked={draft.invigilators.includes(u.id)}
                onChange={(e) => {
                  const on = (e.currentTarget as HTMLInputElement).checked;
                  update({ invigilators: on ? [...draft.invigilators, u.id] : draft.invigilators.filter((x) => x !== u.id) });
                }}
              />
              <label for={`invigilator-${u.id}`}>
                {u.display_name} ({u.username})
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" disabled={busy}>
          Book session
        </button>
      </form>
    </section>
  );
}

