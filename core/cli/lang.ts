import { READER_LANGUAGES, type ReaderLanguage } from '../explain/format';

/** `--lang de|ja|en`: the language of notes and explanations (English when absent); undefined for any other value. */
export function readerLanguageFlag(value: string | undefined): ReaderLanguage | undefined {
  if (value === undefined) return 'en';
  return (READER_LANGUAGES as readonly string[]).includes(value) ? (value as ReaderLanguage) : undefined;
}
