import { useState } from 'react';
import { i18n } from '#i18n';
import { downloadText } from '@/components/download';
import { ErrorList, type PathError } from '@/components/ErrorList';
import { Field } from '@/components/Field';
import { csvProblems, formProblems, jsonProblems } from '@/components/problems';
import { type CsvMode, customersToCsv, importCustomersCsv } from '@/core/settings/csv';
import { jsonLines, jsonSyntaxError } from '@/core/settings/json-lines';
import type { SettingsDiff } from '@/core/settings/diff';
import type { Settings } from '@/core/settings/schema';
import { exportSettings, type LoadedSettings, previewImport } from '@/utils/settings-store';
import { useStore } from './store';

/** What an import would do: the settings it makes and the change, or every problem of the file. */
export type ImportRead =
  | { next: Settings; diff: SettingsDiff; errors: []; csv?: { rows: number; replaced: number } }
  | { next: null; errors: PathError[] };

/**
 * A file's text → the settings it would produce and what would change, or every problem of the file
 * at once, by row and column (CSV) or line and field (JSON), in the user's language. Nothing is stored
 * here. A CSV updates and adds customers (`merge`) or becomes the whole customer list (`replace`).
 * Compared with the settings the page holds (`loaded`), not read again.
 */
export async function readImport(name: string, text: string, loaded: LoadedSettings, mode: CsvMode = 'merge'): Promise<ImportRead> {
  const current = loaded.settings;
  const managedCustomers = new Set(loaded.managed.customers);
  if (/\.csv$/i.test(name)) {
    const csv = importCustomersCsv(text, current, mode, { managedCustomers });
    if (!csv.ok) return { next: null, errors: csvProblems(csv.errors) };
    const preview = await previewImport(csv.settings, loaded);
    if (!preview.ok) return { next: null, errors: formProblems(preview.errors, csv.settings) };
    const inFile = new Set(csv.read.customers.filter((_, i) => csv.read.rows[i]).map((c) => c.id));
    const replaced = current.customers.filter((c) => !inFile.has(c.id) && !managedCustomers.has(c.id)).length;
    return { next: preview.settings, diff: preview.diff, errors: [], csv: { rows: inFile.size, replaced: mode === 'replace' ? replaced : 0 } };
  }
  const syntax = jsonSyntaxError(text);
  if (syntax) {
    return { next: null, errors: [{ path: i18n.t('options.where.lineCol', [String(syntax.line), String(syntax.column)]), message: i18n.t('options.problem.json', [syntax.message]) }] };
  }
  const raw: unknown = JSON.parse(text);
  const preview = await previewImport(raw, loaded);
  if (preview.ok) return { next: preview.settings, diff: preview.diff, errors: [] };
  return { next: null, errors: jsonProblems(preview.errors, raw, jsonLines(text)) };
}

const SHOWN_NAMES = 20;

/** Names of one kind of change: all of them, the first few in the open and the rest behind "more". */
function Names({ names }: { names: string[] }) {
  if (names.length <= SHOWN_NAMES) return <>{names.join(', ')}</>;
  return (
    <>
      {names.slice(0, SHOWN_NAMES).join(', ')}
      <details>
        <summary>{i18n.t('options.imports.more', [String(names.length - SHOWN_NAMES)])}</summary>
        {names.slice(SHOWN_NAMES).join(', ')}
      </details>
    </>
  );
}

function DiffView({ diff }: { diff: SettingsDiff }) {
  if (diff.empty) return <p className="muted">{i18n.t('options.transfer.noChanges')}</p>;
  return (
    <ul className="diff" aria-label={i18n.t('options.transfer.changes')}>
      {diff.sections.map((s) => (
        <li key={s.section}>
          <strong>{i18n.t(`options.transfer.section.${s.section}`)}</strong>
          {/* Removals first: they are what an import can lose. */}
          {s.removed.length > 0 && (
            <div className="removed">
              {i18n.t('options.transfer.removed', [''])}
              <Names names={s.removed} />
            </div>
          )}
          {s.added.length > 0 && (
            <div className="added">
              {i18n.t('options.transfer.added', [''])}
              <Names names={s.added} />
            </div>
          )}
          {s.changed.length > 0 && (
            <div className="changed">
              {i18n.t('options.transfer.changed', [''])}
              <Names names={s.changed.map((c) => (c.fields.length ? `${c.name} (${c.fields.join(', ')})` : c.name))} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Counts of a CSV import, and what replacing the list removes. */
function CsvSummary({ diff, csv, now }: { diff: SettingsDiff; csv: { rows: number; replaced: number }; now: number }) {
  const customers = diff.sections.find((s) => s.section === 'customers');
  const added = customers?.added.length ?? 0;
  const changed = customers?.changed.length ?? 0;
  const removed = customers?.removed.length ?? 0;
  const unchanged = csv.rows - added - changed;
  return (
    <>
      <p>
        {i18n.t('options.imports.summary', [String(now), String(csv.rows), String(added), String(changed), String(unchanged), String(removed)])}
      </p>
      {csv.replaced > 0 && <p className="warning">{i18n.t('options.imports.replaceWarning', [String(csv.replaced)])}</p>}
    </>
  );
}

/** One JSON file (or a CSV of customers) in; validated, diffed, applied all at once, undoable. */
export function TransferSection() {
  const { settings, loaded, save, undo } = useStore();
  // With the settings it was made from: Apply is refused when another window changed them since.
  const [pending, setPending] = useState<{
    name: string;
    next: Settings;
    diff: SettingsDiff;
    base: LoadedSettings;
    csv?: { rows: number; replaced: number };
  } | null>(null);
  const [mode, setMode] = useState<CsvMode>('merge');
  const [lastFile, setLastFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<PathError[]>([]);
  const [rejected, setRejected] = useState('');
  const [status, setStatus] = useState('');

  async function choose(file: File, as: CsvMode = mode) {
    setStatus('');
    setLastFile(file);
    const read = await readImport(file.name, await file.text(), loaded, as);
    if (!read.next) {
      setPending(null);
      setErrors(read.errors);
      setRejected(file.name);
      return;
    }
    setErrors([]);
    setPending({ name: file.name, next: read.next, diff: read.diff, base: loaded, csv: read.csv });
  }

  async function apply() {
    if (!pending) return;
    const found = await save(pending.next, pending.base);
    setErrors(formProblems(found, pending.next));
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
        <fieldset>
          <legend>{i18n.t('options.imports.mode')}</legend>
          {(['merge', 'replace'] as const).map((m) => (
            <label key={m} className="inline">
              <input
                type="radio"
                name="csv-mode"
                value={m}
                checked={mode === m}
                onChange={() => {
                  setMode(m);
                  // The file shown is read again in the other mode.
                  if (lastFile && /\.csv$/i.test(lastFile.name)) void choose(lastFile, m);
                }}
              />{' '}
              {i18n.t(`options.imports.${m}`)}
            </label>
          ))}
        </fieldset>
        <ErrorList
          errors={errors}
          title={errors.length ? i18n.t('options.transfer.rejected', errors.length, [String(errors.length), rejected]) : undefined}
        />
        {pending && (
          <div className="pending">
            <h3>{i18n.t('options.transfer.willChange', [pending.name])}</h3>
            {pending.csv && <CsvSummary diff={pending.diff} csv={pending.csv} now={settings.customers.length} />}
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
