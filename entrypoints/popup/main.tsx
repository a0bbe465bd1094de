import { createRoot } from 'react-dom/client';
import '@/components/ui.css';
import { App } from './App';

document.documentElement.lang = browser.i18n.getUILanguage();
const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
