// One candidate: their details (corrected with an audited reason), the
// qualifications they are registered on with progress in the rules engine's
// words, the units in their credit ledger, claims and certificates.
import { useState } from 'preact/hooks';
import { api, type Candidate, type Me } from '../api';
import { catalogue, qualificationLabel, type Catalogue } from '../catalogue';
import { useDraft } from '../drafts';
import { Link } from '../frame';
import { formatDate } from '../format';
import { ErrorSummary, errorFor, Select, TextArea, TextInput } from '../ui/forms';
import { DisplayArrangement } from './display-arrangement';
import { Claims } from './candidate-claims';
import { Ledger } from './candidate-ledger';
import { ProgressSection } from './candidate-progress';
import { PageHeading } from '../ui/page-heading';
import { Loaded, Notice } from '../ui/status';
import { useResource } from '../ui/use-resource';
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

