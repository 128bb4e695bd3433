// The awarding organisation's way into each centre's pages.
import { useState } from 'preact/hooks';
import { api, type Centre, type Me } from '../api';
import { useDraft } from '../drafts';
import { ErrorSummary, errorFor, TextInput } from '../ui/forms';
import { Link } from '../frame';
import { PageHeading } from '../ui/page-heading';
import { Loaded, Notice } from '../ui/status';
import { useResource } from '../ui/use-resource';

export default function Centres(_: { me: Me }) {
  const centres = useResource(() => api.get<{ centres: Centre[] }>('/api/v1/centres').then((r) => r.centres), []);
  const [added, setAdded] = useState<Centre | null>(null);
  return (
    <>
      <PageHeading title="Centres" />
      {added && <Notice kind="success">Centre {added.number} {added.name} added: add its first admin from its Staff page.</Notice>}
      <Loaded resource={centres} what="the centres">
        {(list) => (
          <table class="data">
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col">Name</th>
                <th scope="col">Pages</th>
              </tr>
            </thead>
            <tbody>
              {list.map((c) => (
                <tr key={c.id}>
                  <td>{c.number}</td>
                  <td>{c.name}</td>
                  <td class="links">
                    <Link to={`/centres/${c.id}/sessions`}>
                      Sessions<span class="visually-hidden"> of {c.name}</span>
                    </Link>
                    <Link to={`/centres/${c.id}/candidates`}>
                      Candidates<span class="visually-hidden"> of {c.name}</span>
                    </Link>
                    <Link to={`/centres/${c.id}/results`}>
                      Results<span class="visually-hidden"> of {c.name}</span>
                    </Link>
                    <Link to={`/centres/${c.id}/staff`}>
                      Staff<span class="visually-hidden"> of {c.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
      <AddCentre
        onAdded={(c) => {
          setAdded(c);
          centres.reload();
        }}
      />
    </>
  );
}

function AddCentre(props: { onAdded: (c: Centre) => void }) {
  const [draft, update, reset] = useDraft('add-centre', { number: '', name: '' });
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const c = await api.post<Centre>('/api/v1/centres', draft);
      reset();
      props.onAdded(c);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <section class="panel" aria-labelledby="add-centre-heading">
      <h2 id="add-centre-heading">Add a centre</h2>
      <form onSubmit={submit} noValidate>
        <ErrorSummary error={error} prefix="centre-" />
        <div class="row-fields">
          <TextInput id="centre-number" label="Centre number" value={draft.number} onValue={(v) => update({ number: v })} error={errorFor(error, 'number')} />
          <TextInput id="centre-name" label="Name" value={draft.name} onValue={(v) => update({ name: v })} error={errorFor(error, 'name')} />
        </div>
        <button type="submit">Add centre</button>
      </form>
    </section>
  );
}
