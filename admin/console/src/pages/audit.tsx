// The audit trail: a centre admin sees the actions of their own centre's
// staff; the AO sees everything, or one centre's. Pages of 100, oldest first,
// and for the AO a check of the whole chain.
import { useState } from 'preact/hooks';
import { api, describeError, query, type Centre, type Me } from '../api';
import { formatDateTime } from '../format';
import { Select, TextInput } from '../ui/forms';
import { PageHeading } from '../ui/page-heading';
import { Loaded, Notice } from '../ui/status';
import { useResource } from '../ui/use-resource';

interface Entry {
  id: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  details: Record<string, unknown>;
}

function detailText(d: Record<string, unknown>): string {
  return Object.entries(d)
    .map(([k, v]) => `${k.replace(/_/g, ' ')}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ');
}

export default function Audit({ me }: { me: Me }) {
  const centres = useResource(() => api.get<{ centres: Centre[] }>('/api/v1/centres').then((r) => r.centres), []);
  const [centre, setCentre] = useState(me.role === 'ao_admin' ? '' : String(me.centre ?? ''));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [cursors, setCursors] = useState<number[]>([0]);
  const after = cursors[cursors.length - 1] ?? 0;
  const params = query({ centre, from, to, after: after || undefined, limit: 100 });
  const page = useResource(() => api.get<{ entries: Entry[]; next_after: number | null }>(`/api/v1/audit${params}`), [params]);
  const [check, setCheck] = useState<string | null>(null);
  const verify = async () => {
    try {
      const r = await api.get<{ ok: boolean; entries: number; first_broken_entry: number | null; message: string }>('/api/v1/audit/verify');
      setCheck(r.ok ? `The audit log is intact: ${r.message}.` : `The audit log does not verify: ${r.message}.`);
    } catch (e) {
      setCheck(describeError(e));
    }
  };
  const reset = () => setCursors([0]);
  return (
    <>
      <PageHeading title="Audit trail" />
      <p>
        {me.role === 'ao_admin'
          ? 'Every recorded action, or one centre’s staff’s actions.'
          : 'The actions of your centre’s staff, oldest first.'}{' '}
        Entries are hash-chained: none can be changed or removed unnoticed.
      </p>
      <form class="panel filters-form" onSubmit={(e) => e.preventDefault()}>
        <div class="row-fields">
          {me.role === 'ao_admin' && (
            <Select
              id="audit-centre"
              label="Centre"
              value={centre}
              onValue={(v) => {
                setCentre(v);
                reset();
              }}
              options={[{ value: '', label: 'Every centre and the AO' }, ...(centres.data ?? []).map((c) => ({ value: String(c.id), label: `${c.number} ${c.name}` }))]}
            />
          )}
          <TextInput id="audit-from" label="From" type="date" value={from} onValue={(v) => { setFrom(v); reset(); }} />
          <TextInput id="audit-to" label="To" type="date" value={to} onValue={(v) => { setTo(v); reset(); }} />
        </div>
      </form>
      {me.role === 'ao_admin' && (
        <p>
          <button type="button" class="secondary" onClick={verify}>
            Check the whole log
          </button>
        </p>
      )}
      {check && <Notice kind={check.startsWith('The audit log is intact') ? 'success' : 'error'}>{check}</Notice>}
      <Loaded resource={page} what="the audit trail">
        {(p) => (
          <>
            <table class="data audit">
              <thead>
                <tr>
                  <th scope="col">When (UTC)</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">Subject</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {p.entries.map((e) => (
                  <tr key={e.id}>
                    <td>{formatDateTime(e.at)}</td>
                    <td>{e.actor.replace(/^staff:/, '')}</td>
                    <td>{e.action}</td>
                    <td>{e.subject}</td>
                    <td>{detailText(e.details)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {p.entries.length === 0 && <p>No entries.</p>}
            <nav class="pager" aria-label="Audit pages">
              {cursors.length > 1 && (
                <button type="button" class="secondary" onClick={() => setCursors(cursors.slice(0, -1))}>
                  Previous page
                </button>
              )}
              {p.next_after !== null && (
                <button type="button" class="secondary" onClick={() => setCursors([...cursors, p.next_after!])}>
                  Next page
                </button>
              )}
            </nav>
          </>
        )}
      </Loaded>
    </>
  );
}
