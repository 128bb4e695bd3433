// One candidate: their details (corrected with an audited reason), the
// qualifications they are registered on with progress in the rules engine's
// words, the units in their credit ledger, claims and certificates.
import { useState } from 'preact/hooks';
import { api, ApiError, describeError, type Candidate, type Me } from '../api';
import { catalogue, qualificationLabel, unitLabel, type Catalogue } from '../catalogue';
import { downloadCertificate, type CertificateEntry } from '../certificates-api';
import { useDraft } from '../drafts';
import { Link } from '../frame';
import { formatDate, formatDateTime, todayUtc } from '../format';
import { ErrorSummary, errorFor, Select, TextArea, TextInput } from '../ui/forms';
import { ReasonDialog } from '../ui/reason-dialog';
import { DisplayArrangement } from './display-arrangement';
import { PageHeading } from '../ui/page-heading';
import { Loaded, Notice } from '../ui/status';
import { useResource } from '../ui/use-resource';

interface Progress {
  qualification: string;
  title: string;
  achieved: boolean;
  credits: number;
  counted_units: string[];
  uncounted_units: string[];
  missing: string[];
}

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

export default function CandidateDetail({ me, candidate }: { me: Me; candidate: number }) {
  const person = useResource(() => api.get<Candidate>(`/api/v1/candidates/${candidate}`), [candidate]);
  const cat = useResource(catalogue, []);
  const canManage = me.role !== 'invigilator';
  const [notice, setNotice] = useState<string | null>(null);
  const [changes, setChanges] = useState(0);
  const changed = (m: string) => {
    setNotice(m);
    setChanges((n) => n + 1);
    person.reload();
  };
  return (
    <Loaded page resource={person} what="the candidate">
      {(c) => (
        <>
          <PageHeading title={`${c.given_name} ${c.family_name}`}>
            {c.given_name} {c.family_name} <span class="heading-sub">candidate {c.candidate_number}</span>
          </PageHeading>
          <p>
            <Link to={`/centres/${c.centre}/candidates`}>All candidates</Link>
          </p>
          {notice && <Notice kind="success">{notice}</Notice>}
          <dl class="facts">
            <dt>Date of birth</dt>
            <dd>{formatDate(c.date_of_birth)}</dd>
            <dt>ULN</dt>
            <dd>{c.uln}</dd>
            <dt>Extra time</dt>
            <dd>{c.extra_time_percent ? `+${c.extra_time_percent} %` : 'None'}</dd>
          </dl>
          {canManage && <CorrectDetails candidate={c} onSaved={() => changed('Details corrected; the change and its reason are in the audit trail.')} />}
          <DisplayArrangement candidate={c.id} canManage={canManage} onSaved={(m) => setNotice(m)} />
          <Registrations candidate={c} cat={cat.data} canManage={canManage} onChanged={changed} />
          <ProgressSection candidate={candidate} changes={changes} />
          <Ledger candidate={c} cat={cat.data} canManage={canManage} changes={changes} onChanged={changed} />
          {canManage && <Claims candidate={c} cat={cat.data} changes={changes} onChanged={changed} />}
        </>
      )}
    </Loaded>
  );
}

function CorrectDetails(props: { candidate: Candidate; onSaved: () => void }) {
  const c = props.candidate;
  const initial = {
    given_name: c.given_name,
    family_name: c.family_name,
    date_of_birth: c.date_of_birth,
    uln: c.uln,
    extra_time_percent: String(c.extra_time_percent),
    reason: '',
  };
  const [draft, update, reset] = useDraft(`correct-candidate-${c.id}`, initial);
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const body: Record<string, unknown> = {};
    for (const k of ['given_name', 'family_name', 'date_of_birth', 'uln'] as const) if (draft[k] !== c[k]) body[k] = draft[k];
    if (Number(draft.extra_time_percent) !== c.extra_time_percent) body['extra_time_percent'] = Number(draft.extra_time_percent);
    if (Object.keys(body).length === 0) return setLocal('Nothing has changed.');
    if (!draft.reason.trim()) return setLocal('Say why the details are corrected: it goes in the audit trail.');
    setLocal(null);
    setError(null);
    try {
      await api.patch(`/api/v1/candidates/${c.id}`, { ...body, reason: draft.reason.trim() });
      reset();
      props.onSaved();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <details class="panel" open={sessionStorage.getItem(`exam-staff:draft:correct-candidate-${c.id}`) !== null}>
      <summary>Correct these details</summary>
      <form onSubmit={submit} noValidate>
        <ErrorSummary error={error} prefix="correct-" />
        {local && <Notice kind="error">{local}</Notice>}
        <div class="row-fields">
          <TextInput id="correct-given_name" label="Given name" value={draft.given_name} onValue={(v) => update({ given_name: v })} error={errorFor(error, 'given_name')} />
          <TextInput id="correct-family_name" label="Family name" value={draft.family_name} onValue={(v) => update({ family_name: v })} error={errorFor(error, 'family_name')} />
        </div>
        <div class="row-fields">
          <TextInput id="correct-date_of_birth" label="Date of birth" type="date" value={draft.date_of_birth} onValue={(v) => update({ date_of_birth: v })} error={errorFor(error, 'date_of_birth')} />
          <TextInput id="correct-uln" label="ULN" value={draft.uln} onValue={(v) => update({ uln: v })} error={errorFor(error, 'uln')} />
          <TextInput id="correct-extra_time_percent" label="Extra time (%)" inputMode="numeric" value={draft.extra_time_percent} onValue={(v) => update({ extra_time_percent: v })} error={errorFor(error, 'extra_time_percent')} />
        </div>
        <TextArea id="correct-reason" label="Reason for the correction" value={draft.reason} onValue={(v) => update({ reason: v })} error={errorFor(error, 'reason')} />
        <button type="submit">Save correction</button>
      </form>
    </details>
  );
}

function Registrations(props: { candidate: Candidate; cat: Catalogue | null; canManage: boolean; onChanged: (m: string) => void }) {
  const regs = props.candidate.registrations ?? [];
  const [qualification, setQualification] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!qualification) return;
    setError(null);
    try {
      await api.post(`/api/v1/candidates/${props.candidate.id}/registrations`, { qualification });
      setQualification('');
      props.onChanged(`Registered on ${qualificationLabel(props.cat, qualification)}.`);
    } catch (err) {
      setError(err);
    }
  };
  const open = (props.cat?.qualifications ?? []).filter((q) => !regs.includes(q.id));
  return (
    <section aria-labelledby="registrations-heading">
      <h2 id="registrations-heading">Registrations</h2>
      {regs.length === 0 ? <p>Not registered on any qualification.</p> : (
        <ul>
          {regs.map((r) => (
            <li key={r}>{qualificationLabel(props.cat, r)}</li>
          ))}
        </ul>
      )}
      {props.canManage && (
        <form onSubmit={submit} noValidate class="inline-form">
          <ErrorSummary error={error} />
          <Select
            id="qualification"
            label="Register on a qualification"
            value={qualification}
            onValue={setQualification}
            options={[{ value: '', label: 'Choose a qualification' }, ...open.map((q) => ({ value: q.id, label: `${q.id} ${q.title}` }))]}
            error={errorFor(error, 'qualification')}
          />
          <button type="submit" disabled={!qualification}>
            Register
          </button>
        </form>
      )}
    </section>
  );
}

function ProgressSection(props: { candidate: number; changes: number }) {
  const progress = useResource(
    () => api.get<{ registrations: Progress[] }>(`/api/v1/candidates/${props.candidate}/progress`).then((r) => r.registrations),
    [props.candidate, props.changes],
  );
  return (
    <section aria-labelledby="progress-heading">
      <h2 id="progress-heading">Progress toward each qualification</h2>
      <Loaded resource={progress} what="progress">
        {(list) =>
          list.length === 0 ? (
            <p>No registrations yet.</p>
          ) : (
            <>
              {list.map((p) => (
                <div class="progress-card" key={p.qualification}>
                  <h3>
                    {p.qualification} {p.title}
                  </h3>
                  <p class={p.achieved ? 'achieved' : 'not-achieved'}>
                    <strong>{p.achieved ? 'Achieved: a full certificate can be claimed.' : 'Not yet achieved.'}</strong>{' '}
                    {p.credits} {p.credits === 1 ? 'credit counts' : 'credits count'}
                    {p.counted_units.length > 0 && ` (units ${p.counted_units.join(', ')})`}.
                  </p>
                  {p.uncounted_units.length > 0 && <p>Achieved but not counting: {p.uncounted_units.join(', ')}.</p>}
                  {p.missing.length > 0 && (
                    <>
                      <p>Still needed:</p>
                      <ul class="missing">
                        {p.missing.map((m) => (
                          <li key={m}>{m}</li>
                        ))}
                      </ul>
                    </>
                  )}
                </div>
              ))}
            </>
          )
        }
      </Loaded>
    </section>
  );
}

function Ledger(props: { candidate: Candidate; cat: Catalogue | null; canManage: boolean; changes: number; onChanged: (m: string) => void }) {
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

function Claims(props: { candidate: Candidate; cat: Catalogue | null; changes: number; onChanged: (m: string) => void }) {
  const id = props.candidate.id;
  const certs = useResource(
    () => api.get<{ certificates: CertificateEntry[] }>(`/api/v1/candidates/${id}/certificates`).then((r) => r.certificates),
    [id, props.changes],
  );
  const [refusal, setRefusal] = useState<{ message: string; missing: string[] } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const claim = async (kind: 'full' | 'unit', qualification: string) => {
    setRefusal(null);
    setError(null);
    try {
      const c = await api.post<CertificateEntry>(`/api/v1/candidates/${id}/claims`, { kind, qualification });
      props.onChanged(`Certificate ${c.number} issued (${kind === 'full' ? 'full certificate' : 'unit certificate'}).`);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'rules_not_met') {
        const missing = Array.isArray(err.details['missing']) ? (err.details['missing'] as string[]) : [];
        setRefusal({ message: err.message, missing });
      } else {
        setError(err);
      }
    }
  };
  const [replacing, setReplacing] = useState<string | null>(null);
  const regs = props.candidate.registrations ?? [];
  return (
    <section aria-labelledby="claims-heading">
      <h2 id="claims-heading">Claims and certificates</h2>
      {refusal && (
        <div class="error-summary" role="alert">
          <h3>The claim was refused: the rules of combination are not met</h3>
          <p>{refusal.message.split(':')[0]}.</p>
          {refusal.missing.length > 0 && (
            <ul class="missing">
              {refusal.missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error ? <Notice kind="error">{describeError(error)}</Notice> : null}
      {regs.length === 0 && <p>Register the candidate on a qualification to claim a certificate.</p>}
      {regs.map((q) => (
        <div class="claim-row" key={q}>
          <p>{qualificationLabel(props.cat, q)}</p>
          <button type="button" onClick={() => claim('full', q)}>
            Claim the full certificate<span class="visually-hidden"> for {q}</span>
          </button>
          <button type="button" class="secondary" onClick={() => claim('unit', q)}>
            Claim a unit certificate<span class="visually-hidden"> for {q}</span>
          </button>
        </div>
      ))}
      <Loaded resource={certs} what="the certificates">
        {(list) =>
          list.length === 0 ? (
            <p>No certificate issued yet.</p>
          ) : (
            <table class="data">
              <thead>
                <tr>
                  <th scope="col">Number</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Qualification</th>
                  <th scope="col">Issued</th>
                  <th scope="col">Status</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {list.map((c) => (
                  <tr key={c.number}>
                    <td>{c.number}</td>
                    <td>
                      {c.kind === 'full' ? 'Full' : 'Unit'}
                      {c.replacement && ` (replaces ${c.replaces})`}
                    </td>
                    <td>{c.qualification}</td>
                    <td>{formatDateTime(c.issued_at)}</td>
                    <td>{c.status}</td>
                    <td class="links">
                      <button type="button" class="secondary small" onClick={() => downloadCertificate(c.number).catch(setError)}>
                        Download<span class="visually-hidden"> {c.number}</span>
                      </button>
                      {c.status === 'current' && (
                        <button type="button" class="secondary small" onClick={() => setReplacing(c.number)}>
                          Replace<span class="visually-hidden"> {c.number}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
      {replacing && (
        <ReasonDialog
          title={`Replace certificate ${replacing}`}
          reasonLabel="Why is it replaced?"
          confirm="Issue the replacement"
          onClose={() => setReplacing(null)}
          onConfirm={async (reason) => {
            const c = await api.post<CertificateEntry>(`/api/v1/certificates/${encodeURIComponent(replacing)}/replace`, { reason });
            setReplacing(null);
            props.onChanged(`Replacement ${c.number} issued for ${replacing}.`);
          }}
        >
          <p>The replacement gets a new number and says which certificate it replaces; {replacing} stays in the register, marked replaced.</p>
        </ReasonDialog>
      )}
      <p>
        <Link to="/certificates">Verify a certificate file</Link>
      </p>
    </section>
  );
}
