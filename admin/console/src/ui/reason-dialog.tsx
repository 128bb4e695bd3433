// Asks for the reason an action needs (the audit trail keeps it) or, with
// no reason field, for a confirmation, then runs the action; the server's
// refusal stays in the dialog so the reason can be corrected.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Dialog, DialogActions } from './dialog';
import { ErrorSummary, TextArea } from './forms';

interface Props {
  title: string;
  children?: ComponentChildren;
  // The reason's label; without one the dialog only confirms.
  reasonLabel?: string;
  confirm: string;
  danger?: boolean;
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
}

export function ReasonDialog(props: Props) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (props.reasonLabel && !reason.trim()) return setMissing(true);
    setMissing(false);
    setBusy(true);
    setError(null);
    try {
      await props.onConfirm(reason.trim());
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <Dialog title={props.title} onClose={props.onClose}>
      <form onSubmit={submit} noValidate>
        <ErrorSummary error={error} />
        {props.children}
        {props.reasonLabel && (
          <TextArea
            id="dialog-reason"
            label={props.reasonLabel}
            value={reason}
            onValue={setReason}
            error={missing ? 'Give the reason: it goes in the audit trail.' : null}
          />
        )}
        <DialogActions confirm={props.confirm} busy={busy} danger={props.danger} onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}
