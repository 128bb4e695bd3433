// The centre's results, filtered by date, unit, session and candidate, as a
// table and as the CSV file the server makes (RFC 4180, see docs/results.md).
// Results the AO has not released are labelled provisional.
import { useState } from 'preact/hooks';
import { api, describeError, query, type Me } from '../api';
import { catalogue } from '../catalogue';
import { Link } from '../frame';
import { formatDateTime, saveFile } from '../format';
import { useDraft } from '../drafts';
import { Select, TextInput } from '../ui/forms';
import { PageHeading } from '../ui/page-heading';
import { Loaded, Notice } from '../ui/status';
import { useResource } from '../ui/use-resource';

interface ResultRow {
  session: number;
  date: string;
  unit: string;
  candidate: number;
  candidate_number: string;
  given_name: string;
  family_name: string;
  uln: string;
  attempt: number | null;
  state: string;
  submitted_by: string | null;
  submitted_at: string | null;
  result: null | {
    raw_score: number;
    available: number;
    percentage: number;
    pass_mark: number;
    passed: boolean;
    released: boolean;
  };
}

export default function Results({ me, centre }: { me: Me; centre: number }) {
  const [filters, update] = useDraft(`results-${centre}`, { from: '', to: '', unit: '', session: '', candidate: '' });
  const [applied, setApplied] = useState(filters);
  const cat = useResource(catalogue, []);
  const params = query(applied);
  const results = useResource(
    () => api.get<{ results: ResultRow[] }>(`/api/v1/centres/${centre}/results${params}`).then((r) => r.results),
    [centre, params],
  );
  const [error, setError] = useState<unknown>(null);
  const [released, setReleased] = useState<string | null>(null);
  // Releasing a result to its candidate is the awarding organisation's decision.
  const release = async (r: ResultRow) => {
    setError(null);
    try {
      await api.post(`/api/v1/attempts/${r.attempt}/release`);
      setReleased(`Released the result of ${r.given_name} ${r.family_name} (${r.candidate_number}).`);
      results.reload();
    } catch (e) {
      setError(e);
    }
  };
  const download = async () => {
    setError(null);
    try {
      const file = await api.download(`/api/v1/centres/${centre}/results${query({ ...applied, format: 'csv' })}`, 'text/csv');
      saveFile(`results-centre-${centre}${applied.from ? '-from-' + applied.from : ''}.csv`, 'text/csv', file.text);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <PageHeading title="Results" />
      <form
        class="panel filters-form"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(filters);
        }}
      >
        <div class="row-fields">
          <TextInput id="from" label="Sessions from" type="date" value={filters.from} onValue={(v) => update({ from: v })} />
          <TextInput id="to" label="Sessions to" type="date" value={filters.to} onValue={(v) => update({ to: v })} />
          <Select
            id="unit"
            label="Unit"
            value={filters.unit}
            onValue={(v) => update({ unit: v })}
            options={[{ value: '', label: 'Any unit' }, ...(cat.data?.units ?? []).filter((u) => u.onscreen_test).map((u) => ({ value: u.code, label: `${u.code} ${u.title}` }))]}
          />
        </div>
        <div class="row-fields">
          <TextInput id="session" label="Session number" inputMode="numeric" value={filters.session} onValue={(v) => update({ session: v })} />
          <TextInput id="candidate" label="Candidate number" value={filters.candidate} onValue={(v) => update({ candidate: v })} />
        </div>
        <div class="actions">
          <button type="submit">Show results</button>
          <button type="button" class="secondary" onClick={download}>
            Download CSV
          </button>
        </div>
      </form>
      {error ? <Notice kind="error">{describeError(error)}</Notice> : null}
      {released && <Notice kind="success">{released}</Notice>}
      <Loaded resource={results} what="the results">
        {(rows) => (
          <table class="data">
            <caption>
              {rows.length} {rows.length === 1 ? 'booking' : 'bookings'}
            </caption>
            <thead>
              <tr>
                <th scope="col">Session</th>
                <th scope="col">Unit</th>
                <th scope="col">Candidate</th>
                <th scope="col">State</th>
                <th scope="col">Score</th>
                <th scope="col">Outcome</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.session}-${r.candidate}`}>
                  <td>
                    {r.session} · {formatDateTime(r.date)}
                  </td>
                  <td>{r.unit}</td>
                  <td>
                    <Link to={`/candidates/${r.candidate}`}>
                      {r.candidate_number} {r.given_name} {r.family_name}
                    </Link>
                  </td>
                  <td>{r.state.replace(/_/g, ' ')}</td>
                  <td>{r.result ? `${r.result.raw_score} of ${r.result.available} (${r.result.percentage} %)` : '–'}</td>
                  <td>{r.result ? (r.result.passed ? 'Pass' : 'Fail') : '–'}</td>
                  <td>
                    {r.result ? (r.result.released ? 'Released' : 'Provisional') : '–'}
                    {me.role === 'ao_admin' && r.result && !r.result.released && r.attempt !== null && (
                      <>
                        {' '}
                        <button type="button" class="secondary small" onClick={() => release(r)}>
                          Release<span class="visually-hidden"> the result of {r.candidate_number}</span>
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </>
  );
}
