// The invigilator's actions that need more than a click: a reason where the
// rules want one, and a confirmation where the action cannot be undone.
// Each sends one request; the room itself changes when the feed says so.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { Dialog, DialogActions } from '../ui/dialog';
import { ErrorSummary, errorFor, Select, TextArea, TextInput } from '../ui/forms';
import { useSubmit } from '../ui/use-submit';
import type { RoomRow } from './room-model';

export type DialogRequest =
  | { kind: 'pause'; row: RoomRow }
  | { kind: 'extra-time'; row: RoomRow }
  | { kind: 'void'; row: RoomRow }
  | { kind: 'incident'; row: RoomRow | null }
  | { kind: 'pause-room' }
  | { kind: 'close-session' };

interface Props {
  request: DialogRequest;
  session: number;
  candidates: RoomRow[];
  onClose: () => void;
  onDone: (message: string) => void;
}

const incidentKinds = [
  { value: 'disruption', label: 'Disruption' },
  { value: 'technical', label: 'Technical problem' },
  { value: 'illness', label: 'Illness' },
  { value: 'suspected_malpractice', label: 'Suspected malpractice' },
  { value: 'late_arrival', label: 'Late arrival' },
  { value: 'other', label: 'Other' },
];

function nameOf(row: RoomRow): string {
  return `${row.given_name} ${row.family_name} (${row.candidate_number})`;
}

// Sends one action; on success the dialog closes with what to announce.
function useSend(onDone: (m: string) => void) {
  const { error, busy, run } = useSubmit();
  const send = (call: () => Promise<unknown>, message: string) =>
    run(async () => {
      await call();
      onDone(message);
    });
  return { error, busy, send };
}

export function RoomDialog(props: Props) {
  const r = props.request;
  switch (r.kind) {
    case 'pause':
      return <PauseDialog {...props} row={r.row} />;
    case 'pause-room':
      return <PauseDialog {...props} row={null} />;
    case 'extra-time':
      return <ExtraTimeDialog {...props} row={r.row} />;
    case 'void':
      return <VoidDialog {...props} row={r.row} />;
    case 'incident':
      return <IncidentDialog {...props} row={r.row} />;
    case 'close-session':
      return <CloseSessionDialog {...props} />;
  }
}

function PauseDialog(props: Props & { row: RoomRow | null }) {
  const { row } = props;
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<string | null>(null);
  const { error, busy, send } = useSend(props.onDone);
  const title = row ? `Pause ${nameOf(row)}` : 'Pause the whole room';
  const submit = (e: Event) => {
    e.preventDefault();
    if (!row && !reason.trim()) return setLocal('Say why the room is paused: it goes in the session record.');
    setLocal(null);
    const body = reason.trim() ? { reason: reason.trim() } : {};
    if (row) {
      send(() => api.post(`/api/v1/attempts/${row.attempt!.attempt}/pause`, body), `Paused ${nameOf(row)}.`);
    } else {
      send(() => api.post(`/api/v1/sessions/${props.session}/pause`, body), 'The whole room is paused.');
    }
  };
  return (
    <Dialog title={title} onClose={props.onClose}>
      <form onSubmit={submit} noValidate>
        <ErrorSummary error={error} />
        <p>The clock stops and the test is hidden until you resume. No time is lost.</p>
        <TextArea
          id="reason"
          label={row ? 'Reason (optional)' : 'Reason'}
          hint="For example: rest break, fire alarm, technical problem"
          value={reason}
          onValue={setReason}
          error={local ?? errorFor(error, 'reason')}
        />
        <DialogActions confirm={row ? 'Pause candidate' : 'Pause everyone'} busy={busy} onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}

function ExtraTimeDialog(props: Props & { row: RoomRow }) {
  const { row } = props;
  const [minutes, setMinutes] = useState('10');
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<{ field: string; message: string } | null>(null);
  const { error, busy, send } = useSend(props.onDone);
  const submit = (e: Event) => {
    e.preventDefault();
    const n = Number(minutes);
    if (!Number.isInteger(n) || n < 1 || n > 240) return setLocal({ field: 'minutes', message: 'Enter whole minutes from 1 to 240.' });
    if (!reason.trim()) return setLocal({ field: 'reason', message: 'Say why the time is added: it goes in the audit log.' });
    setLocal(null);
    send(
      () => api.post(`/api/v1/attempts/${row.attempt!.attempt}/extra-time`, { minutes: n, reason: reason.trim() }),
      `Added ${n} minutes for ${nameOf(row)}.`,
    );
  };
  return (
    <Dialog title={`Extra time for ${nameOf(row)}`} onClose={props.onClose}>
      <form onSubmit={submit} noValidate>
        <ErrorSummary error={error} />
        <TextInput
          id="minutes"
          label="Minutes to add"
          inputMode="numeric"
          value={minutes}
          onValue={setMinutes}
          error={local?.field === 'minutes' ? local.message : errorFor(error, 'minutes')}
          class="narrow"
        />
        <TextArea
          id="reason"
          label="Reason"
          hint="For example: lost 10 minutes to a fire alarm"
          value={reason}
          onValue={setReason}
          error={local?.field === 'reason' ? local.message : errorFor(error, 'reason')}
        />
        <DialogActions confirm="Add time" busy={busy} onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}

function VoidDialog(props: Props & { row: RoomRow }) {
  const { row } = props;
  const [reason, setReason] = useState('');
  const [sure, setSure] = useState(false);
  const [local, setLocal] = useState<{ field: string; message: string } | null>(null);
  const { error, busy, send } = useSend(props.onDone);
  const submit = (e: Event) => {
    e.preventDefault();
    if (!reason.trim()) return setLocal({ field: 'reason', message: 'Say why the attempt is voided.' });
    if (!sure) return setLocal({ field: 'confirm-void', message: 'Confirm that you mean to void this attempt.' });
    setLocal(null);
    send(
      () => api.post(`/api/v1/attempts/${row.attempt!.attempt}/void`, { reason: reason.trim() }),
      `Voided the attempt of ${nameOf(row)}.`,
    );
  };
  return (
    <Dialog title={`Void the attempt of ${nameOf(row)}`} onClose={props.onClose}>
      <form onSubmit={submit} noValidate>
        <ErrorSummary error={error} />
        <p class="warning-text">
          <strong>This cannot be undone.</strong> The candidate's test ends now, and any credit the attempt earned is
          voided with it.
        </p>
        <TextArea
          id="reason"
          label="Reason"
          value={reason}
          onValue={setReason}
          error={local?.field === 'reason' ? local.message : errorFor(error, 'reason')}
        />
        <div class={local?.field === 'confirm-void' ? 'field field-error checkbox' : 'field checkbox'}>
          {local?.field === 'confirm-void' && (
            <p class="error-message" id="confirm-void-error">
              {local.message}
            </p>
          )}
          <input
            type="checkbox"
            id="confirm-void"
            checked={sure}
            onChange={(e) => setSure((e.currentTarget as HTMLInputElement).checked)}
            aria-describedby={local?.field === 'confirm-void' ? 'confirm-void-error' : undefined}
          />
          <label for="confirm-void">I understand that voiding cannot be undone</label>
        </div>
        <DialogActions confirm="Void attempt" busy={busy} danger onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}

function IncidentDialog(props: Props & { row: RoomRow | null }) {
  const [kind, setKind] = useState('disruption');
  const [candidate, setCandidate] = useState(props.row ? String(props.row.candidate) : '');
  const [description, setDescription] = useState('');
  const [local, setLocal] = useState<string | null>(null);
  const { error, busy, send } = useSend(props.onDone);
  const submit = (e: Event) => {
    e.preventDefault();
    if (!description.trim()) return setLocal('Describe what happened.');
    setLocal(null);
    const body: Record<string, unknown> = { kind, description: description.trim() };
    if (candidate) body['candidate'] = Number(candidate);
    send(() => api.post(`/api/v1/sessions/${props.session}/incidents`, body), 'Incident recorded.');
  };
  return (
    <Dialog title="Record an incident" onClose={props.onClose}>
      <form onSubmit={submit} noValidate>
        <ErrorSummary error={error} />
        <Select id="kind" label="Kind" value={kind} onValue={setKind} options={incidentKinds} error={errorFor(error, 'kind')} />
        <Select
          id="candidate"
          label="Candidate"
          value={candidate}
          onValue={setCandidate}
          options={[
            { value: '', label: 'The whole session' },
            ...props.candidates.map((c) => ({ value: String(c.candidate), label: nameOf(c) })),
          ]}
          error={errorFor(error, 'candidate')}
        />
        <TextArea
          id="description"
          label="What happened"
          rows={4}
          value={description}
          onValue={setDescription}
          error={local ?? errorFor(error, 'description')}
        />
        <DialogActions confirm="Record incident" busy={busy} onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}

function CloseSessionDialog(props: Props) {
  const { error, busy, send } = useSend(props.onDone);
  const sitting = props.candidates.filter((c) => c.state === 'in_progress' || c.state === 'paused').length;
  return (
    <Dialog title="Close the session" onClose={props.onClose}>
      <ErrorSummary error={error} />
      <p class="warning-text">
        <strong>Once closed, no candidate can log in to this session again.</strong>
        {sitting > 0 && ` ${sitting} ${sitting === 1 ? 'candidate is' : 'candidates are'} still sitting.`}
      </p>
      <div class="actions">
        <button
          type="button"
          class="danger"
          disabled={busy}
          onClick={() => send(() => api.post(`/api/v1/sessions/${props.session}/close`), 'The session is closed.')}
        >
          Close session
        </button>
        <button type="button" class="secondary" onClick={props.onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
