// A centre's candidates: search the list, add one, or import a CSV file.
import { useState } from 'preact/hooks';
import { api, ApiError, type Candidate, type Me } from '../api';
import { useDraft } from '../drafts';
import { Link } from '../frame';
import { formatDate } from '../format';
import { ErrorSummary, errorFor, TextInput } from '../ui/forms';
import { PageHeading } from '../ui/page-heading';
import { Loaded, Notice } from '../ui/status';
import { useSubmit } from '../ui/use-submit';
import { useResource } from '../ui/use-resource';

export default function Candidates({ me, centre }: { me: Me; centre: number }) {
  const list = useResource(
    () => api.get<{ candidates: Candidate[] }>(`/api/v1/centres/${centre}/candidates`).then((r) => r.candidates),
    [centre],
  );
  const [search, setSearch] = useState('');
  const [added, setAdded] = useState<Candidate | null>(null);
  const q = search.trim().toLowerCase();
  return (
    <>
      <PageHeading title="Candidates" />
      <p class="links">
        <Link to={`/centres/${centre}/candidates/import`} class="button-link secondary">
          Import candidates from a CSV file
        </Link>
      </p>
      {added && (
        <Notice kind="success">
          Added <Link to={`/candidates/${added.id}`}>{added.given_name} {added.family_name}</Link> as candidate{' '}
          {added.candidate_number}.
        </Notice>
      )}
      <div class="field">
        <label for="candidate-search">Search by name, candidate number or ULN</label>
        <input id="candidate-search" type="search" value={search} onInput={(e) => setSearch((e.currentTarget as HTMLInputElement).value)} />
      </div>
      <Loaded resource={list} what="the candidates">
        {(all) => {
          const shown = all.filter(
            (c) => !q || `${c.candidate_number} ${c.given_name} ${c.family_name} ${c.uln}`.toLowerCase().includes(q),
          );
          return (
            <table class="data">
              <caption>
                {shown.length} of {all.length} candidates
              </caption>
              <thead>
                <tr>
                  <th scope="col">Number</th>
                  <th scope="col">Name</th>
                  <th scope="col">Date of birth</th>
                  <th scope="col">ULN</th>
                  <th scope="col">Extra time</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((c) => (
                  <tr key={c.id}>
                    <td>{c.candidate_number}</td>
                    <td>
                      <Link to={`/candidates/${c.id}`}>
                        {c.family_name}, {c.given_name}
                      </Link>
                    </td>
                    <td>{formatDate(c.date_of_birth)}</td>
                    <td>{c.uln}</td>
                    <td>{c.extra_time_percent ? `+${c.extra_time_percent} %` : 'None'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          );
        }}
      </Loaded>
      {me.role !== 'invigilator' && (
        <AddCandidate
          centre={centre}
          onAdded={(c) => {
            setAdded(c);
            list.reload();
          }}
        />
      )}
    </>
  );
}

function AddCandidate(props: { centre: number; onAdded: (c: Candidate) => void }) {
  const blank = { candidate_number: '', given_name: '', family_name: '', date_of_birth: '', uln: '', extra_time_percent: '0' };
  const [draft, update, reset] = useDraft(`add-candidate-${props.centre}`, blank);
  const { error, busy, run } = useSubmit();
  const submit = (e: Event) => {
    e.preventDefault();
    run(async () => {
      const reply = await api.post<{ candidates: Candidate[] }>(`/api/v1/centres/${props.centre}/candidates`, {
        candidates: [{ ...draft, extra_time_percent: Number(draft.extra_time_percent) || 0 }],
      });
      reset();
      props.onAdded(reply.candidates[0]!);
    });
  };
  // One candidate is sent as a list of one: its problems come back as rows naming the field.
  const fieldError = (f: string) =>
    (error instanceof ApiError ? error.rows.find((r) => r.field === f)?.message : undefined) ?? errorFor(error, f);
  return (
    <section aria-labelledby="add-candidate-heading" class="panel">
      <h2 id="add-candidate-heading">Add a candidate</h2>
      <form onSubmit={submit} noValidate>
        <ErrorSummary error={error} />
        <div class="row-fields">
          <TextInput id="candidate_number" label="Candidate number" hint="4 digits, e.g. 0012" value={draft.candidate_number} onValue={(v) => update({ candidate_number: v })} error={fieldError('candidate_number')} />
          <TextInput id="uln" label="ULN" hint="10 digits" inputMode="numeric" value={draft.uln} onValue={(v) => update({ uln: v })} error={fieldError('uln')} />
        </div>
        <div class="row-fields">
          <TextInput id="given_name" label="Given name" value={draft.given_name} onValue={(v) => update({ given_name: v })} error={fieldError('given_name')} />
          <TextInput id="family_name" label="Family name" value={draft.family_name} onValue={(v) => update({ family_name: v })} error={fieldError('family_name')} />
        </div>
        <div class="row-fields">
          <TextInput id="date_of_birth" label="Date of birth" type="date" value={draft.date_of_birth} onValue={(v) => update({ date_of_birth: v })} error={fieldError('date_of_birth')} />
          <TextInput id="extra_time_percent" label="Extra time (%)" hint="Access arrangement, 0 to 100" inputMode="numeric" value={draft.extra_time_percent} onValue={(v) => update({ extra_time_percent: v })} error={fieldError('extra_time_percent')} />
        </div>
        <button type="submit" disabled={busy}>
          Add candidate
        </button>
      </form>
    </section>
  );
}
