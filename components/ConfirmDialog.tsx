import { type ReactNode, useEffect, useId, useRef } from 'react';

/**
 * A question before something that cannot be taken back by accident (delete, discard edits): a modal
 * `<dialog>` (focus stays inside, Escape answers "no"), opened on the safe answer so Enter never
 * destroys anything. Shown while mounted.
 */
export function ConfirmDialog({
  title,
  children,
  confirm,
  cancel,
  onConfirm,
  onCancel,
}: {
  title: string;
  children?: ReactNode;
  /** The destructive answer's label ("Delete", "Discard changes"). */
  confirm: string;
  /** The safe answer's label ("Cancel", "Keep editing"). */
  cancel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const safe = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    safe.current?.focus();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="confirm"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      aria-describedby={children ? `${id}-body` : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      {children && <div id={`${id}-body`}>{children}</div>}
      <div className="actions">
        <button type="button" ref={safe} onClick={onCancel}>
          {cancel}
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          {confirm}
        </button>
      </div>
    </dialog>
  );
}
