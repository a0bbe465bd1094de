import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { type BadgeWords, badgeWords, type MessageLookup } from '../../entrypoints/overlay.content/badge-words';

/**
 * The badge words a browser in `language` gets: locales/<language>.yml compiled as the build
 * compiles it (_locales/<language>/messages.json), read the way getMessage reads it ($1…$9, $$).
 */

export type Language = 'en' | 'de' | 'ja';

/** A message as written, by key ("badge.left"); '' when there is none. */
export async function localeMessages(language: Language): Promise<(key: string) => string> {
  const messages = generateChromeMessages(await parseMessagesFile(`locales/${language}.yml`));
  return (key) => messages[key.replaceAll('.', '_')]?.message ?? '';
}

/** `changed`: messages to use instead of the locale's, by key. */
export async function localeLookup(language: Language, changed: Record<string, string> = {}): Promise<MessageLookup> {
  const message = await localeMessages(language);
  return (key, substitutions = []) =>
    (changed[key] ?? message(key)).replace(/\$(\$|\d)/g, (_, d: string) => (d === '$' ? '$' : (substitutions[Number(d) - 1] ?? '')));
}

export async function localeWords(language: Language): Promise<BadgeWords> {
  return badgeWords(await localeLookup(language));
}
