import { i18n } from '#i18n';

/** One problem and where it is: a field as the form labels it, a row and column, a line, or a dotted path. */
export interface PathError {
  path: string;
  message: string;
}

/**
 * Problems, each with where it is. `refused`: they stopped a save, and the title says nothing was
 * saved; otherwise (checking a file, a preview, an evaluation) it only counts them.
 */
export function ErrorList({
  errors,
  title,
  refused = false,
  quiet = false,
}: {
  errors: PathError[];
  title?: string;
  refused?: boolean;
  /** A list that follows every keystroke (live validation): shown, not announced as an alert each time. */
  quiet?: boolean;
}) {
  if (errors.length === 0) return null;
  return (
    <div className="errors" role={quiet ? undefined : 'alert'}>
      <p>{title ?? (refused ? i18n.t('common.notSaved', errors.length) : i18n.t('common.errors', errors.length))}</p>
      <ul>
        {errors.map((e) => (
          <li key={e.path + e.message}>
            {e.path && <code>{e.path}</code>} {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
