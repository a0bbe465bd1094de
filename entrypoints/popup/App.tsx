import { i18n } from '#i18n';
import { DeadlineForm } from '@/components/DeadlineForm';
import { useSettings } from '@/components/use-settings';
import { TabSummary } from './TabSummary';

export function App() {
  const loaded = useSettings();
  return (
    <main className="popup">
      <header className="bar">
        <h1>{i18n.t('extName')}</h1>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          {i18n.t('popup.openOptions')}
        </a>
      </header>
      <TabSummary />
      <h2>{i18n.t('adhoc.title')}</h2>
      {loaded ? <DeadlineForm settings={loaded.settings} /> : <p className="muted">{i18n.t('common.loading')}</p>}
    </main>
  );
}
