import { useState } from 'react';
import { i18n } from '#i18n';
import { ErrorList, type PathError } from '@/components/ErrorList';
import { Field } from '@/components/Field';
import { localZone } from '@/components/format';
import { formProblems } from '@/components/problems';
import { ZoneSelect } from '@/components/ZoneSelect';
import type { Settings, Site } from '@/core/settings/schema';
import { builtinAdapters } from '@/entrypoints/overlay.content/adapters/registry';
import { mapOf, type PriorityRow, rowProblems, rowsOf } from './priority-rows';
import { PriorityRows } from './PriorityRows';
import { useStore } from './store';

/** A site's helpdesk as people know it: the built-in adapter's name or the recipe's. */
function siteName(site: Site, settings: Settings): string {
  const recipe = site.adapter.startsWith('recipe:') ? settings.recipes.find((r) => `recipe:${r.id}` === site.adapter) : undefined;
  return recipe?.name ?? builtinAdapters.find((a) => a.id === site.adapter)?.name ?? site.adapter;
}

/**
 * Each configured helpdesk's own time zone (for page times without an offset, such as Request
 * Tracker's "Sun Nov 15 02:30:00 2026") and its own priority values, which win over the default map.
 */
export function SiteDetails() {
  const { settings } = useStore();
  return (
    <section aria-labelledby="sites-details" className="card">
      <h2 id="sites-details">{i18n.t('options.sites.details')}</h2>
      <p className="muted">{i18n.t('options.sites.detailsIntro')}</p>
      {settings.sites.length === 0 && <p className="muted">{i18n.t('options.sites.detailsNone')}</p>}
      {settings.sites.map((site, index) => (
        // A site's adapter is its identity (one site per helpdesk); its matches may change.
        <SiteForm key={site.adapter} site={site} index={index} name={siteName(site, settings)} />
      ))}
    </section>
  );
}

function SiteForm({ site, index, name }: { site: Site; index: number; name: string }) {
  const { settings, save } = useStore();
  const [zone, setZone] = useState(site.timeZone ?? '');
  const [rows, setRows] = useState<PriorityRow[]>(() => rowsOf(site.priorityMap));
  const [errors, setErrors] = useState<PathError[]>([]);
  const [saved, setSaved] = useState(false);
  const zoneLabel = i18n.t('options.sites.zone');

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setSaved(false);
    const problems = rowProblems(rows, name);
    if (problems.length > 0) return setErrors(problems);
    const next: Site = { ...site, priorityMap: mapOf(rows), timeZone: zone || undefined };
    const found = await save({ ...settings, sites: settings.sites.map((s, i) => (i === index ? next : s)) });
    setErrors(formProblems(found, settings));
    setSaved(found.length === 0);
  }

  return (
    <form onSubmit={submit} noValidate aria-label={name} className="site-details">
      <h3>
        {name} <span className="muted">{site.matches.join(' ')}</span>
      </h3>
      <Field label={zoneLabel} hint={zone ? undefined : i18n.t('options.sites.zoneBrowser', [localZone()])}>
        {(c) => (
          <ZoneSelect
            control={c}
            label={zoneLabel}
            value={zone}
            first={site.timeZone ? [site.timeZone] : []}
            none={i18n.t('options.sites.zoneNone')}
            onChange={(z) => {
              setZone(z);
              setSaved(false);
            }}
          />
        )}
      </Field>
      <h4>{i18n.t('options.sites.ownPriorities')}</h4>
      <PriorityRows
        rows={rows}
        label={name}
        onChange={(next) => {
          setRows(next);
          setSaved(false);
          setErrors([]);
        }}
      />
      <ErrorList errors={errors} refused />
      <div className="actions">
        <button type="submit" className="primary" aria-label={i18n.t('options.sites.saveSite', [name])}>
          {i18n.t('common.save')}
        </button>
        {saved && <span role="status">{i18n.t('common.saved')}</span>}
      </div>
    </form>
  );
}
