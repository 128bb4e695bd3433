// A modal dialog on the native <dialog> element: the browser keeps focus
// inside it, Escape closes it, and focus returns to what opened it.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export function Dialog(props: { title: string; onClose: () => void; children: ComponentChildren }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    const opener = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    const first = dialog.querySelector<HTMLElement>('input, textarea, select, button:not(.dialog-close)');
    first?.focus();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus?.();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby="dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        props.onClose();
      }}
    >
      <div class="dialog-head">
        <h2 id="dialog-title">{props.title}</h2>
        <button type="button" class="dialog-close secondary" onClick={props.onClose}>
          Close<span class="visually-hidden"> this dialog</span>
        </button>
      </div>
      {props.children}
    </dialog>
  );
}

// A dialog's buttons: the action, and Cancel beside it.
export function DialogActions(props: { confirm: string; busy: boolean; danger?: boolean; onCancel: () => void }) {
  return (
    <div class="actions">
      <button type="submit" class={props.danger ? 'danger' : undefined} disabled={props.busy}>
        {props.confirm}
      </button>
      <button type="button" class="secondary" onClick={props.onCancel}>
        Cancel
      </button>
    </div>
  );
}
