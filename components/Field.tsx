import { type ReactNode, useId } from 'react';

export interface ControlProps {
  id: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/** A labelled control with its error (and optional hint) tied to it for screen readers. */
export function Field({
  id: givenId,
  label,
  error,
  hint,
  wide,
  children,
}: {
  /** The control's element id, when something else must find it (a refused save focusing the first error). */
  id?: string;
  label: string;
  error?: string;
  hint?: string;
  /** Spans the whole row of a grid (a control whose value must never be cut). */
  wide?: boolean;
  children: (control: ControlProps) => ReactNode;
}) {
  const ownId = useId();
  const id = givenId ?? ownId;
  const describedBy = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', wide && 'wide', error && 'invalid'].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="error">
          {error}
        </small>
      )}
    </div>
  );
}
