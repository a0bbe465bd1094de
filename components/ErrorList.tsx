import { i18n } from '#i18n';

/** One problem and where it is, as a dotted path ("customers.3.domains.0"), like `sla check` prints. */
export interface PathError {
  path: string;
  message: string;
}

/** Validation problems, each with the path it concerns. */
export function ErrorList({ errors, title }: { errors: PathError[]; title?: string }) {
  if (errors.length === 0) return null;
  return (
    <div className="errors" role="alert">
      <p>{title ?? i18n.t('common.errors', errors.length)}</p>
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
