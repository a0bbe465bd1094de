import { useId, useState } from 'react';
import { i18n } from '#i18n';
import { type ColumnMapping, type FileFormat, PRESET_IDS, REPORT_FIELDS, type ReportField } from '@/core/report';
import { type FileStart, type MappingChoice, mappedColumns, mappingFor, missingColumns, readFileStart } from './file-columns';

const CHOICES: readonly MappingChoice[] = [...PRESET_IDS, 'native', 'custom'];

const CHOICE_KEYS = {
  rt: 'reports.file.presetRt',
  zendesk: 'reports.file.presetZendesk',
  jira: 'reports.file.presetJira',
  osticket: 'reports.file.presetOsticket',
  native: 'reports.file.presetNative',
  custom: 'reports.file.presetCustom',
} as const;

/**
 * "Report from a file": a CSV, TSV or JSON Lines export, its columns read by a helpdesk's preset or
 * the user's own mapping; the file itself is streamed in the worker.
 */
export function FileSource({ onStart, busy }: { onStart(file: File, format: FileFormat, mapping: ColumnMapping): void; busy: boolean }) {
  const id = useId();
  const [file, setFile] = useState<File>();
  const [start, setStart] = useState<FileStart>();
  const [problem, setProblem] = useState<string>();
  const [choice, setChoice] = useState<MappingChoice>('rt');
  const [custom, setCustom] = useState<Partial<Record<ReportField, string>>>({});
  const mapping = mappingFor(choice, custom);
  const missing = start ? missingColumns(start, mapping) : [];
  const mapped = start ? mappedColumns(start, mapping) : {};

  const choose = async (chosen: File | undefined) => {
    setFile(chosen);
    setStart(undefined);
    setProblem(undefined);
    if (!chosen) return;
    try {
      setStart(await readFileStart(chosen));
    } catch (error) {
      setProblem(i18n.t('reports.file.unreadable', [chosen.name, error instanceof Error ? error.message : String(error)]));
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{i18n.t('reports.file.heading')}</h2>
      <p className="muted">{i18n.t('reports.file.intro')}</p>
      <div className="row">
        <label className="field">
          {i18n.t('reports.file.file')}
          <input type="file" accept=".csv,.tsv,.txt,.jsonl,.ndjson,text/csv,text/tab-separated-values" onChange={(e) => choose(e.target.files?.[0])} />
        </label>
        <label className="field">
          {i18n.t('reports.file.preset')}
          <select value={choice} onChange={(e) => setChoice(e.target.value as MappingChoice)}>
            {CHOICES.map((c) => (
              <option key={c} value={c}>
                {i18n.t(CHOICE_KEYS[c])}
              </option>
            ))}
          </select>
        </label>
      </div>
      {problem && <p className="errors">{problem}</p>}
      {start && (
        <p className="muted">
          {start.format === 'jsonl' ? i18n.t('reports.file.jsonl') : i18n.t('reports.file.columns', [start.format.toUpperCase(), start.columns.join(', ')])}
        </p>
      )}
      {start && choice === 'custom' && start.format !== 'jsonl' && (
        <fieldset>
          <legend>{i18n.t('reports.file.mapping')}</legend>
          <div className="grid">
            {REPORT_FIELDS.map((field) => (
              <label key={field} className="field">
                <code>{field}</code>
                <select value={custom[field] ?? ''} onChange={(e) => setCustom({ ...custom, [field]: e.target.value || undefined })}>
                  <option value="">{i18n.t('reports.file.notInFile')}</option>
                  {start.columns.map((column) => (
                    <option key={column} value={column}>
                      {column}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {start && start.format !== 'jsonl' && choice !== 'custom' && (
        <p className="muted">
          {i18n.t('reports.file.mapped', [
            Object.entries(mapped)
              .map(([field, column]) => `${field} ← ${column}`)
              .join(', '),
          ])}
        </p>
      )}
      {start && missing.length > 0 && (
        <p className="errors" role="alert">
          {missing.map((field) => i18n.t('reports.file.missing', [file?.name ?? '', field])).join(' ')}
        </p>
      )}
      {start && start.format !== 'jsonl' && missing.length === 0 && mapped.firstReply === undefined && mapped.firstReplyMinutes === undefined && (
        <p className="warnings">{i18n.t('reports.file.noFirstReply')}</p>
      )}
      <button type="button" className="primary" disabled={!file || !start || missing.length > 0 || busy} onClick={() => file && start && onStart(file, start.format, mapping)}>
        {i18n.t('reports.file.make')}
      </button>
    </section>
  );
}
