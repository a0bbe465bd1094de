import { useState } from 'react';
import { i18n } from '#i18n';
import { ErrorList, type PathError } from '@/components/ErrorList';
import { formProblems } from '@/components/problems';
import { Field } from '@/components/Field';
import { builtinAdapters } from '@/entrypoints/overlay.content/adapters/registry';
import { apiReaderFor } from '@/entrypoints/overlay.content/api/registry';
import type { Site } from '@/core/settings/schema';
import { ApiReadingCell, useApiStatuses } from './ApiReadingCell';
import { mapOf, rowProblems, rowsOf } from './priority-rows';
import { PriorityRows } from './PriorityRows';
import { RecipesEditor } from './RecipesEditor';
import { SiteDetails } from './SiteDetails';
import { refusedPatterns, requestHosts } from './request-hosts';
import { useStore } from './store';

/** Built-in adapters per host: enabling one asks for its host permission first (optional_host_permissions). */
function AdapterSites() {
  const { settings, loaded, save } = useStore();
  const [errors, setErrors] = useState<PathError[]>([]);
  const [hosts, setHosts] = useState<Record<string, string>>({});
  const reports = useApiStatuses();

  const matchesOf = (adapterId: string, defaults: string[], current: Site | undefined) =>
    (hosts[adapterId] ?? current?.matches.join('\n') ?? defaults.join('\n')).split(/\s+/).filter(Boolean);

  /** Reading the API is the site's setting: a helpdesk not yet turned on keeps it for when it is. */
  async function setReadApi(adapterId: string, defaults: string[], readApi: boolean) {
    const current = settings.sites.find((s) => s.adapter === adapterId);
    const site: Site = current
      ? { ...current, readApi }
      : { adapter: adapterId, matches: matchesOf(adapterId, defaults, undefined), enabled: false, priorityMap: {}, readApi };
    const sites = current ? settings.sites.map((s) => (s === current ? site : s)) : [...settings.sites, site];
    setErrors(formProblems(await save({ ...settings, sites }), settings));
  }

  async function toggle(adapterId: string, defaults: string[], enabled: boolean) {
    const current = settings.sites.find((s) => s.adapter === adapterId);
    const matches = matchesOf(adapterId, defaults, current);
    const refused = enabled ? refusedPatterns(matches) : undefined;
    if (refused) {
      setErrors([{ path: `sites.${adapterId}`, message: refused }]);
      return;
    }
    // The request must come straight from the click (a user gesture), before any await.
    if (enabled && !(await requestHosts(matches))) {
      setErrors([{ path: `sites.${adapterId}`, message: i18n.t('options.sites.permissionDenied') }]);
      return;
    }
    const site: Site = { ...current, adapter: adapterId, matches, enabled, priorityMap: current?.priorityMap ?? {} };
    const sites = current ? settings.sites.map((s) => (s === current ? site : s)) : [...settings.sites, site];
    setErrors(formProblems(await save({ ...settings, sites }), settings));
  }

  return (
    <section aria-labelledby="sites-adapters" className="card">
      <h2 id="sites-adapters">{i18n.t('options.sites.adapters')}</h2>
      <p className="muted">{i18n.t('options.sites.adaptersIntro')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{i18n.t('options.sites.helpdesk')}</th>
            <th scope="col">{i18n.t('options.sites.hosts')}</th>
            <th scope="col">{i18n.t('options.sites.enabled')}</th>
            <th scope="col">{i18n.t('options.sites.api')}</th>
          </tr>
        </thead>
        <tbody>
          {builtinAdapters.map((adapter) => {
            const site = settings.sites.find((s) => s.adapter === adapter.id);
            const value = hosts[adapter.id] ?? (site?.matches ?? adapter.matches).join('\n');
            return (
              <tr key={adapter.id}>
                <th scope="row">{adapter.name}</th>
                <td>
                  <textarea
                    rows={Math.max(1, value.split('\n').length)}
                    aria-label={i18n.t('options.sites.hostsFor', [adapter.name])}
                    value={value}
                    onChange={(e) => {
                      // A problem of the row edited before is not this row's: it goes.
                      setErrors([]);
                      setHosts({ ...hosts, [adapter.id]: e.target.value });
                    }}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={i18n.t('options.sites.enableFor', [adapter.name])}
                    checked={site?.enabled ?? false}
                    onChange={(e) => toggle(adapter.id, adapter.matches, e.target.checked)}
                  />
                </td>
                <td>
                  <ApiReadingCell
                    helpdesk={adapter.name}
                    reader={apiReaderFor(adapter.id)}
                    readApi={site?.readApi}
                    offForEveryone={!settings.readHelpdeskApis}
                    managed={loaded.managed.readHelpdeskApis}
                    reports={reports}
                    onChange={(readApi) => setReadApi(adapter.id, adapter.matches, readApi)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ErrorList errors={errors} refused />
    </section>
  );
}

/** The helpdesk's priority words → P1–P4 (the default map; a site's own map wins) and the at-risk share. */
function PriorityAndRisk() {
  const { settings, loaded, save } = useStore();
  const managed = loaded.managed;
  const [rows, setRows] = useState(() => rowsOf(settings.priorityMap));
  const [percent, setPercent] = useState(String(Math.round(settings.atRiskShare * 100)));
  const [errors, setErrors] = useState<PathError[]>([]);
  const [saved, setSaved] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const problems = rowProblems(rows);
    if (problems.length > 0) {
      setErrors(problems);
      setSaved(false);
      return;
    }
    const found = formProblems(await save({ ...settings, priorityMap: mapOf(rows), atRiskShare: Number(percent) / 100 }), settings);
    setErrors(found);
    setSaved(found.length === 0);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="sites-priorities" className="card">
      <h2 id="sites-priorities">{i18n.t('options.sites.priorities')}</h2>
      <p className="muted">{i18n.t('options.sites.prioritiesIntro')}</p>
      {/* IT's mapped values win and cannot be edited here. */}
      <PriorityRows rows={rows} onChange={setRows} locked={(value) => managed.priorityMap.some((k) => k.toLowerCase() === value.toLowerCase())} />
      <Field
        label={i18n.t('options.sites.atRisk')}
        hint={managed.atRiskShare ? i18n.t('options.readOnly') : i18n.t('options.sites.atRiskHint')}
        error={errors.some((e) => e.path === i18n.t('options.sites.atRisk')) ? i18n.t('options.sites.atRiskInvalid') : undefined}
      >
        {(c) => (
          <input
            {...c}
            type="number"
            min={1}
            max={99}
            step={1}
            value={percent}
            readOnly={managed.atRiskShare}
            onChange={(e) => setPercent(e.target.value)}
          />
        )}
      </Field>
      <ErrorList errors={errors} refused />
      <div className="actions">
        <button type="submit" className="primary">
          {i18n.t('options.sites.savePriorities')}
        </button>
        {saved && <span role="status">{i18n.t('common.saved')}</span>}
      </div>
    </form>
  );
}

export function SitesSection() {
  return (
    <>
      <AdapterSites />
      <SiteDetails />
      <PriorityAndRisk />
      <RecipesEditor />
    </>
  );
}
