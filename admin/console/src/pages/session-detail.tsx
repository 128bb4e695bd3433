// One session for centre admins: its bookings, adding candidates to it, and
// who invigilates it. The room itself is the invigilator's page.
import { useState } from 'preact/hooks';
import { api, describeError, type Candidate, type Me, type StaffUser } from '../api';
import { catalogue, unitLabel } from '../catalogue';
import { Link } from '../frame';
import { formatDateTime, formatTime } from '../format';
import type { Snapshot } from '../room/room-model';
import { stateLabels } from '../room/room-model';
import { ErrorSummary } from '../ui/forms';
import { ReasonDialog } from '../ui/reason-dialog';
import { PageHeading } from '../ui/page-heading';
import { Loaded, Notice } from '../ui/status';
import { useResource } from '../ui/use-resource';

export default function SessionDetail({ me, session }: { me: Me; session: number }) {
  const room = useResource(() => api.get<Snapshot>(`/api/v1/sessions/${session}/room`), [session]);
  const cat = useResource(catalogue, []);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Loaded page resource={room} what="the session">
      {(r) => {
        const s = r.session;
        return (
          <>
            <PageHeading title={`Session: ${s.room}, ${s.unit}`} />
            <dl class="facts">
              <dt>Unit</dt>
              <dd>{unitLabel(cat.data, s.unit)}</dd>
              <dt>When (UTC)</dt>
              <dd>
                {formatDateTime(s.starts_at)} to {formatTime(s.ends_at)}
              </dd>
              <dt>Room</dt>
              <dd>{s.room}</dd>
              <dt>Status</dt>
              <dd>
                <span class={`status status-${s.status}`}>{s.status}</span>
              </dd>
            </dl>
            <p class="links">
              <Link to={`/sessions/${session}/room`} class="button-link">
                Open the room
              </Link>
              <Link to={`/sessions/${session}/register`} class="button-link secondary">
                Attendance register
              </Link>
              <Link to={`/sessions/${session}/slips`} class="button-link secondary">
                Keycode slips
              </Link>
            </p>
            {notice && <Notice kind="success">{notice}</Notice>}
            <section aria-labelledby="bookings-heading">
              <h2 id="bookings-heading">Booked candidates ({r.candidates.length})</h2>
              {r.candidates.length === 0 ? (
                <p>No candidate is booked yet.</p>
              ) : (
                <table class="data">
                  <thead>
                    <tr>
                      <th scope="col">Candidate number</th>
                      <th scope="col">Name</th>
                      <th scope="col">Access arrangements</th>
                      <th scope="col">State</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.candidates.map((c) => (
                      <tr key={c.booking}>
                        <td>{c.candidate_number}</td>
                        <td>
                          <Link to={`/candidates/${c.candidate}`}>
                            {c.given_name} {c.family_name}
                          </Link>
                        </td>
                        <td>{c.extra_time_percent > 0 ? `+${c.extra_time_percent} % time` : 'None'}</td>
                        <td>{stateLabels[c.state] ?? c.state}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
            <AddCandidates
              centre={s.centre}
              session={session}
              booked={new Set(r.candidates.map((c) => c.candidate))}
              onBooked={(n) => {
                setNotice(`Booked ${n} ${n === 1 ? 'candidate' : 'candidates'}: each has a keycode.`);
                room.reload();
              }}
            />
            <Invigilators
              centre={s.centre}
              session={session}
              assigned={s.invigilators}
              onSaved={() => {
                setNotice('Invigilators saved.');
                room.reload();
              }}
            />
            {me.role !== 'invigilator' && s.status !== 'closed' && (
              <SessionStatusControls session={session} status={s.status} onChanged={(m) => { setNotice(m); room.reload(); }} />
            )}
          </>
        );
      }}
    </Loaded>
  );
}

function SessionStatusControls(props: { session: number; status: string; onChanged: (m: string) => void }) {
  const [error, setError] = useState<unknown>(null);
  const [closing, setClosing] = useState(false);
  const act = async (verb: 'open' | 'close', message: string) => {
    try {
      await api.post(`/api/v1/sessions/${props.session}/${verb}`);
      props.onChanged(message);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading">Opening and closing</h2>
      {error ? <Notice kind="error">{describeError(error)}</Notice> : null}
      <p>Candidates can log in only while the session is open and within its times.</p>
      {props.status !== 'open' && (
        <button type="button" onClick={() => act('open', 'The session is open.')}>
          Open session
        </button>
      )}
      {props.status === 'open' && (
        <button type="button" class="danger" onClick={() => setClosing(true)}>
          Close session
        </button>
      )}
      {closing && (
        <ReasonDialog
          title="Close the session"
          confirm="Close session"
          danger
          onClose={() => setClosing(false)}
          onConfirm={async () => {
            await api.post(`/api/v1/sessions/${props.session}/close`);
            setClosing(false);
            props.onChanged('The session is closed.');
          }}
        >
          <p class="warning-text">
            <strong>Once closed, no candidate can log in to this session again.</strong>
          </p>
        </ReasonDialog>
      )}
    </section>
  );
}

function AddCandidates(props: { centre: number; session: number; booked: Set<number>; onBooked: (n: number) => void }) {
  const candidates = useResource(
    () => api.get<{ candidates: Candidate[] }>(`/api/v1/centres/${props.centre}/candidates`).then((r) => r.candidates),
    [props.centre],
  );
  const [chosen, setChosen] = useState<number[]>([]);
  const [search, setSearch] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (chosen.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/v1/sessions/${props.session}/bookings`, { candidates: chosen });
      props.onBooked(chosen.length);
      setChosen([]);
    } catch (err) {
      setError(err);
    }
    setBusy(false);
  };
  return (
    <section aria-labelledby="add-heading" class="panel">
      <h2 id="add-heading">Add candidates</h2>
      <Loaded resource={candidates} what="the centre's candidates">
        {(list) => {
          const q = search.trim().toLowerCase();
          const free = list
            .filter((c) => !props.booked.has(c.id))
            .filter((c) => !q || `${c.candidate_number} ${c.given_name} ${c.family_name}`.toLowerCase().includes(q));
          return (
            <form onSubmit={submit} noValidate>
              <ErrorSummary error={error} />
              <div class="field">
                <label for="add-search">Find a candidate</label>
                <input id="add-search" type="search" value={search} onInput={(e) => setSearch((e.currentTarget as HTMLInputElement).value)} />
              </div>
              <fieldset class="checkboxes scroll">
                <legend>Candidates not yet booked ({free.length})</legend>
                {free.slice(0, 200).map((c) => (
                  <div class="checkbox" key={c.id}>
                    <input
                      type="checkbox"
                      id={`book-${c.id}`}
                      checked={chosen.includes(c.id)}
                      onChange={(e) => {
                        const on = (e.currentTarget as HTMLInputElement).checked;
                        setChosen(on ? [...chosen, c.id] : chosen.filter((x) => x !== c.id));
                      }}
                    />
                    <label for={`book-${c.id}`}>
                      {c.candidate_number} {c.given_name} {c.family_name}
                    </label>
                  </div>
                ))}
                {free.length > 200 && <p class="hint">Showing 200: search to narrow the list.</p>}
              </fieldset>
              <button type="submit" disabled={busy || chosen.length === 0}>
                Book {chosen.length || ''} {chosen.length === 1 ? 'candidate' : 'candidates'}
              </button>
            </form>
          );
        }}
      </Loaded>
    </section>
  );
}

function Invigilators(props: { centre: number; session: number; assigned: number[]; onSaved: () => void }) {
  const staff = useResource(
    () => api.get<{ staff: StaffUser[] }>(`/api/v1/centres/${props.centre}/staff`).then((r) => r.staff),
    [props.centre],
  );
  const [chosen, setChosen] = useState<number[]>(props.assigned);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await api.put(`/api/v1/sessions/${props.session}/invigilators`, { invigilators: chosen });
      props.onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section aria-labelledby="invigilators-heading" class="panel">
      <h2 id="invigilators-heading">Invigilators</h2>
      <Loaded resource={staff} what="the centre's staff">
        {(list) => (
          <form onSubmit={submit} noValidate>
            <ErrorSummary error={error} />
            <fieldset class="checkboxes">
              <legend>Who runs this session</legend>
              {list
                .filter((u) => u.role === 'invigilator' && u.active)
                .map((u) => (
                  <div class="checkbox" key={u.id}>
                    <input
                      type="checkbox"
                      id={`assign-${u.id}`}
                      checked={chosen.includes(u.id)}
                      onChange={(e) => {
                        const on = (e.currentTarget as HTMLInputElement).checked;
                        setChosen(on ? [...chosen, u.id] : chosen.filter((x) => x !== u.id));
                      }}
                    />
                    <label for={`assign-${u.id}`}>
                      {u.display_name} ({u.username})
                    </label>
                  </div>
                ))}
            </fieldset>
            <button type="submit">Save invigilators</button>
          </form>
        )}
      </Loaded>
    </section>
  );
}
