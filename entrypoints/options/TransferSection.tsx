import { useState } from 'react';
import { i18n } from '#i18n';
import { downloadText } from '@/components/download';
import { ErrorList, type PathError } from '@/components/ErrorList';
import { Field } from '@/components/Field';
import { customersFromCsv, customersToCsv } from '@/core/settings/csv';
import type { SettingsDiff } from '@/core/settings/diff';
import type { Settings } from '@/core/settings/schema';
import { exportSettings, previewImport } from '@/utils/settings-store';
import { useStore } from './store';

/**
 * A file's text → the settings it would produce and what would change, or path-precise errors.
 * Nothing is stored here. A CSV replaces the customer list of the current settings.
 */
export async function readImport(
  name: string,
  text: string,
  current: Settings,
): Promise<{ next: Settings; diff: SettingsDiff; errors: [] } | { next: null; errors: PathError[] }> {
  let raw: unknown;
  if (/\.csv$/i.test(name)) {
    const csv = customersFromCsv(text, current.customers);
    if (!csv.ok) return { next: null, errors: csv.errors.map((e) => ({ path: `row ${e.row}${e.column ? `, ${e.column}` : ''}`, message: e.message })) };
    raw = { ...current, customers: csv.customers };
  } else {
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return { next: null, errors: [{ path: '', message: i18n.t('common.badJson', [(error as Error).message]) }] };
    }
  }
  const preview = await previewImport(raw);
  return preview.ok ? { next: preview.settings, diff: preview.diff, errors: [] } : { next: null, errors: preview.errors };
}

function DiffView({ diff }: { diff: SettingsDiff }) {
  if (diff.empty) return <p className="muted">{i18n.t('options.transfer.noChanges')}</p>;
  return (
    <ul className="diff" aria-label={i18n.t('options.transfer.changes')}>
      {diff.sections.map((s) => (
        <li key={s.section}>
          <strong>{i18n.t(`options.transfer.section.${s.section}`)}</strong>
          {s.added.length > 0 && <span className="added"> {i18n.t('options.transfer.added', [s.added.join(', ')])}</span>}
          {s.removed.length > 0 && <span className="removed"> {i18n.t('options.transfer.removed', [s.removed.join(', ')])}</span>}
          {s.changed.length > 0 && (
            <span className="changed">
              {' '}
              {i18n.t('options.transfer.changed', [s.changed.map((c) => (c.fields.length ? `${c.name} (${c.fields.join(', ')})` : c.name)).join(', ')])}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** One JSON file (or a CSV of customers) in; validated, diffed, applied all at once, undoable. */
export function TransferSection() {
  const { settings, save, undo } = useStore();
  const [pending, setPending] = useState<{ name: string; next: Settings; diff: SettingsDiff } | null>(null);
  const [errors, setErrors] = useState<PathError[]>([]);
  const [rejected, setRejected] = useState('');
  const [status, setStatus] = useState('');

  async function choose(file: File) {
    setStatus('');
    const read = await readImport(file.name, await file.text(), settings);
    if (!read.next) {
      setPending(null);
      setErrors(read.errors);
      setRejected(file.name);
      return;
    }
    setErrors([]);
    setPending({ name: file.name, next: read.next, diff: read.diff });
  }

  async function apply() {
    if (!pending) return;
    const found = await save(pending.next);
    setErrors(found);
    if (found.length === 0) {
      setStatus(i18n.t('options.transfer.applied', [pending.name]));
      setPending(null);
    }
  }

  return (
    <>
      <section aria-labelledby="tr-export">
        <h2 id="tr-export">{i18n.t('options.transfer.export')}</h2>
        <div className="toolbar">
          <button type="button" onClick={async () => downloadText('sla-lens-settings.json', await exportSettings())}>
            {i18n.t('options.transfer.exportJson')}
          </button>
          <button type="button" onClick={() => downloadText('sla-lens-customers.csv', customersToCsv(settings.customers), 'text/csv')}>
            {i18n.t('options.transfer.exportCsv')}
          </button>
        </div>
      </section>
      <section aria-labelledby="tr-import" className="card">
        <h2 id="tr-import">{i18n.t('options.transfer.import')}</h2>
        <p className="muted">{i18n.t('options.transfer.importIntro')}</p>
        <Field label={i18n.t('options.transfer.file')}>
          {(c) => (
            <input
              {...c}
              type="file"
              accept=".json,.csv,application/json,text/csv"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) choose(file);
                e.target.value = '';
              }}
            />
          )}
        </Field>
        <ErrorList
          errors={errors}
          title={errors.length ? i18n.t('options.transfer.rejected', errors.length, [String(errors.length), rejected]) : undefined}
        />
        {pending && (
          <div className="pending">
            <h3>{i18n.t('options.transfer.willChange', [pending.name])}</h3>
            <DiffView diff={pending.diff} />
            <div className="actions">
              <button type="button" className="primary" onClick={apply} disabled={pending.diff.empty}>
                {i18n.t('options.transfer.apply')}
              </button>
              <button type="button" onClick={() => setPending(null)}>
                {i18n.t('common.cancel')}
              </button>
            </div>
          </div>
        )}
        <div className="actions">
          <button
            type="button"
            onClick={async () => setStatus((await undo()) ? i18n.t('options.transfer.undone') : i18n.t('options.transfer.nothingToUndo'))}
          >
            {i18n.t('options.transfer.undo')}
          </button>
          {status && <span role="status">{status}</span>}
        </div>
      </section>
    </>
  );
}
