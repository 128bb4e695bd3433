// A candidate's credit ledger: the units achieved, recording one achieved another way, voiding one.
import { useState } from 'preact/hooks';
import { api, type Candidate } from '../api';
import { unitLabel, type Catalogue } from '../catalogue';
import { useDraft } from '../drafts';
import { formatDate, todayUtc } from '../format';
import { ErrorSummary, errorFor, Select, TextInput } from '../ui/forms';
import { ReasonDialog } from '../ui/reason-dialog';
import { Loaded } from '../ui/status';
import { useResource } from '../ui/use-resource';

interface Achievement {
  id: number;
  unit: string;
  achieved_on: string;
  route: string;
  evidence: string;
  status: string;
  recorded_by: string;
  void_reason?: string;
}

const routeLabels: Record<string, string> = {
  onscreen_test: 'Onscreen test',
  internal_assessment: 'Internal assessment',
  recognition_of_prior_learning: 'Recognition of prior learning',
  credit_transfer: 'Credit transfer',
};

export function Ledger(props: { candidate: Candidate; cat: Catalogue | null; canManage: boolean; changes: number; onChanged: (m: string) => void }) {
  const id = props.candidate.id;
  const ledger = useResource(
    () => api.get<{ achievements: Achievement[] }>(`/api/v1/candidates/${id}/achievements`).then((r) => r.achievements),
    [id, props.changes],
  );
  const [draft, update, reset] = useDraft(`achievement-${id}`, {
    unit: '',
    route: 'internal_assessment',
    evidence: '',
    achieved_on: todayUtc(),
  });
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await api.post(`/api/v1/candidates/${id}/achievements`, draft);
      reset();
      props.onChanged(`Recorded ${unitLabel(props.cat, draft.unit)}.`);
    } catch (err) {
      setError(err);
    }
  };
  const [voiding, setVoiding] = useState<Achievement | null>(null);
  const units = new Set<string>();
  for (const q of props.cat?.qualifications ?? []) if ((props.candidate.registrations ?? []).includes(q.id)) q.units.forEach((u) => units.add(u));
  return (
    <section aria-labelledby="ledger-heading">
      <h2 id="ledger-heading">Units achieved (the credit ledger)</h2>
      <Loaded resource={ledger} what="the ledger">
        {(list) =>
          list.length === 0 ? (
            <p>No unit achieved yet.</p>
          ) : (
            <table class="data">
              <thead>
                <tr>
                  <th scope="col">Unit</th>
                  <th scope="col">Achieved</th>
                  <th scope="col">Route</th>
                  <th scope="col">Evidence</th>
                  <th scope="col">Status</th>
                  {props.canManage && <th scope="col">Action</th>}
                </tr>
              </thead>
              <tbody>
                {list.map((a) => (
                  <tr key={a.id} class={a.status === 'void' ? 'voided' : ''}>
                    <td>{unitLabel(props.cat, a.unit)}</td>
                    <td>{formatDate(a.achieved_on)}</td>
                    <td>{routeLabels[a.route] ?? a.route}</td>
                    <td>{a.evidence}</td>
                    <td>{a.status === 'void' ? `Void${a.void_reason ? ': ' + a.void_reason : ''}` : 'Counts'}</td>
                    {props.canManage && (
                      <td>
                        {a.status !== 'void' && (
                          <button type="button" class="secondary danger small" onClick={() => setVoiding(a)}>
                            Void<span class="visually-hidden"> {a.unit}</span>
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
      {voiding && (
        <ReasonDialog
          title={`Void ${unitLabel(props.cat, voiding.unit)}`}
          reasonLabel="Why is this unit voided?"
          confirm="Void the unit"
          danger
          onClose={() => setVoiding(null)}
          onConfirm={async (reason) => {
            await api.post(`/api/v1/achievements/${voiding.id}/void`, { reason });
            setVoiding(null);
            props.onChanged(`Voided ${voiding.unit}.`);
          }}
        >
          <p>The unit stays in the ledger, marked void, and no longer counts toward any qualification.</p>
        </ReasonDialog>
      )}
      {props.canManage && (
        <details class="panel">
          <summary>Record a unit achieved another way</summary>
          <form onSubmit={submit} noValidate>
            <ErrorSummary error={error} />
            <Select
              id="unit"
              label="Unit"
              value={draft.unit}
              onValue={(v) => update({ unit: v })}
              options={[{ value: '', label: 'Choose a unit' }, ...[...units].map((u) => ({ value: u, label: unitLabel(props.cat, u) }))]}
              error={errorFor(error, 'unit')}
            />
            <Select
              id="route"
              label="Route"
              value={draft.route}
              onValue={(v) => update({ route: v })}
              options={['internal_assessment', 'recognition_of_prior_learning', 'credit_transfer'].map((r) => ({ value: r, label: routeLabels[r]! }))}
              error={errorFor(error, 'route')}
            />
            <TextInput id="evidence" label="Evidence" hint="Where the evidence is kept, e.g. a portfolio reference" value={draft.evidence} onValue={(v) => update({ evidence: v })} error={errorFor(error, 'evidence')} />
            <TextInput id="achieved_on" label="Achieved on" type="date" value={draft.achieved_on} onValue={(v) => update({ achieved_on: v })} error={errorFor(error, 'achieved_on')} />
            <button type="submit">Record unit</button>
          </form>
        </details>
      )}
    </section>
  );
}

