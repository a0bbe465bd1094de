import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import type { AlertPrefs } from '@/core/alerts/prefs';
import { alertPermissions, hasPermissions, type LoadedAlertPrefs, loadAlertPrefs, saveAlertPrefs, watchAlertPrefs } from '@/utils/alert-prefs';

/** The agent's alert settings, kept current (the popup and the options page). */
export function useAlertPrefs(): [LoadedAlertPrefs | undefined, boolean] {
  const [loaded, setLoaded] = useState<LoadedAlertPrefs>();
  const [permitted, setPermitted] = useState(false);
  useEffect(() => {
    let live = true;
    const load = async () => {
      const next = await loadAlertPrefs();
      const ok = await hasPermissions(alertPermissions(next.prefs));
      if (!live) return;
      setLoaded(next);
      setPermitted(ok);
    };
    void load();
    const stop = watchAlertPrefs(() => void load());
    const onPermissions = () => void load();
    const events = [browser.permissions.onAdded, browser.permissions.onRemoved];
    for (const event of events) {
      try {
        event.addListener(onPermissions);
      } catch {
        // Not every browser (nor the test double) has these events: the popup reads again when opened.
      }
    }
    return () => {
      live = false;
      stop();
      for (const event of events) {
        try {
          event.removeListener(onPermissions);
        } catch {
          // See above.
        }
      }
    };
  }, []);
  return [loaded, permitted];
}

/**
 * Asks for the permissions alerts need and saves `next` when granted (turning alerts on, or quiet
 * while idle). Must run inside the click: browsers grant optional permissions only for a user's act.
 */
export async function requestAndSave(next: AlertPrefs): Promise<boolean> {
  const wanted = alertPermissions(next);
  let granted = false;
  try {
    granted = await browser.permissions.request({ permissions: wanted });
  } catch {
    granted = false;
  }
  if (granted) await saveAlertPrefs(next);
  return granted;
}

/** The popup's switch: alerts on or off, and what is missing. */
export function AlertsSwitch() {
  const [loaded, permitted] = useAlertPrefs();
  const [denied, setDenied] = useState(false);
  if (!loaded) return null;
  const { prefs, managed } = loaded;
  return (
    <section className="alerts-switch" aria-label={i18n.t('alerts.settings.title')}>
      <label>
        <input
          type="checkbox"
          checked={prefs.enabled}
          disabled={managed}
          onChange={(event) => {
            if (event.currentTarget.checked) {
              void requestAndSave({ ...prefs, enabled: true }).then((ok) => setDenied(!ok));
            } else {
              setDenied(false);
              void saveAlertPrefs({ ...prefs, enabled: false });
            }
          }}
        />{' '}
        {i18n.t('alerts.settings.enable')}
      </label>{' '}
      <a href={browser.runtime.getURL('/options.html#/alerts')} target="_blank" rel="noreferrer">
        {i18n.t('alerts.settings.more')}
      </a>
      {managed && <p className="muted">{i18n.t('alerts.settings.managed')}</p>}
      {denied && <p className="warning">{i18n.t('alerts.settings.denied')}</p>}
      {prefs.enabled && !permitted && (
        <p className="warning">
          {i18n.t('alerts.settings.needPermission')}{' '}
          <button type="button" onClick={() => void requestAndSave(prefs).then((ok) => setDenied(!ok))}>
            {i18n.t('alerts.settings.allow')}
          </button>
        </p>
      )}
    </section>
  );
}
