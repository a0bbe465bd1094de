import { i18n } from '#i18n';
import { DeadlineForm } from '@/components/DeadlineForm';
import { useSettings } from '@/components/use-settings';
import { AlertsSwitch, useAlertPrefs } from './AlertsSwitch';
import { NextToBreach, useTabReports } from './NextToBreach';
import { SearchReportButton } from './SearchReportButton';
import { TabSummary } from './TabSummary';

export function App() {
  const loaded = useSettings();
  const tabs = useTabReports();
  const [alerts] = useAlertPrefs();
  return (
    <main className="popup">
      <header className="bar">
        <h1>{i18n.t('extName')}</h1>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          {i18n.t('popup.openOptions')}
        </a>
      </header>
      <TabSummary />
      <SearchReportButton />
      <NextToBreach tabs={tabs} onlyMine={alerts?.prefs.enabled === true && alerts.prefs.onlyMine} namesTyped={(alerts?.prefs.myNames.length ?? 0) > 0} />
      <AlertsSwitch />
      <h2>{i18n.t('adhoc.title')}</h2>
      {loaded ? <DeadlineForm settings={loaded.settings} /> : <p className="muted">{i18n.t('common.loading')}</p>}
    </main>
  );
}
