import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { render } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App as OptionsApp } from '../../entrypoints/options/App';

/**
 * Component-test plumbing: WXT's fake browser has no i18n, so getMessage reads the English
 * messages the build would generate from locales/en.yml (the real strings, substitutions included).
 */
const english = generateChromeMessages(await parseMessagesFile('locales/en.yml'));

/** The UI in English, or in German or Japanese (their messages as the build would generate them). */
export async function installI18n(locale: 'en' | 'de' | 'ja' = 'en') {
  const messages = locale === 'en' ? english : generateChromeMessages(await parseMessagesFile(`locales/${locale}.yml`));
  fakeBrowser.i18n.getMessage = ((name: string, substitutions?: string | string[]) => {
    const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
    const message = messages[name]?.message ?? '';
    return message.replace(/\$(\$|\d)/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
  }) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => locale;
}

/** The options page at a hash route, e.g. "#/transfer". */
export function renderOptions(hash: string) {
  window.location.hash = hash;
  return render(<OptionsApp />);
}

/** A File as an <input type=file> would give it. */
export const file = (name: string, text: string, type = 'application/json') => new File([text], name, { type });
