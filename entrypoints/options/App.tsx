import { i18n } from '#i18n';
import { AlertsSection } from './AlertsSection';
import { CalendarsSection } from './CalendarsSection';
import { ContractPreview } from './ContractPreview';
import { ContractsSection } from './ContractsSection';
import { PoliciesSection } from './PoliciesSection';
import { ReportsSection } from './ReportsSection';
import { SECTIONS, type Section, useRoute } from './route';
import { SitesSection } from './SitesSection';
import { StoreProvider } from './store';
import { TransferSection } from './TransferSection';

const TITLES: Record<Section, () => string> = {
  contracts: () => i18n.t('options.contracts.title'),
  sites: () => i18n.t('options.sites.title'),
  calendars: () => i18n.t('options.calendars.title'),
  policies: () => i18n.t('options.policies.title'),
  transfer: () => i18n.t('options.transfer.title'),
  preview: () => i18n.t('options.preview.title'),
  alerts: () => i18n.t('alerts.settings.title'),
  reports: () => i18n.t('reports.title'),
};

export function App() {
  const route = useRoute();
  return (
    <div className="options">
      <nav aria-label={i18n.t('options.nav')}>
        <p className="brand">{i18n.t('extName')}</p>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#/${s}`} aria-current={route.section === s ? 'page' : undefined}>
                {TITLES[s]()}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        <h1>{TITLES[route.section]()}</h1>
        <StoreProvider fallback={<p className="muted">{i18n.t('common.loading')}</p>}>
          {route.section === 'contracts' && <ContractsSection route={route} />}
          {route.section === 'sites' && <SitesSection />}
          {route.section === 'calendars' && <CalendarsSection />}
          {route.section === 'policies' && <PoliciesSection />}
          {route.section === 'transfer' && <TransferSection />}
          {route.section === 'preview' && <ContractPreview />}
          {route.section === 'alerts' && <AlertsSection />}
          {route.section === 'reports' && <ReportsSection route={route} />}
        </StoreProvider>
      </main>
    </div>
  );
}
