import type { Language } from '../policy/schema';

/**
 * The ticket's language: from a language field when the page has one, else from the script of the
 * subject/body (kana → ja, hangul → ko, Han without kana → zh). Latin text gives undefined: English
 * is assumed later, and other Latin-script languages are not routed by any policy.
 */

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
const HAN = /\p{Script=Han}/u;

export function languageFromScript(...texts: (string | undefined)[]): Language | undefined {
  const text = texts.filter(Boolean).join('\n');
  if (KANA.test(text)) return 'ja';
  if (HANGUL.test(text)) return 'ko';
  if (HAN.test(text)) return 'zh';
  return undefined;
}

/** Names and codes helpdesks use for language fields ("ja", "ja-JP", "Japanese", "日本語" …). */
const LANGUAGE_NAMES: [RegExp, Language][] = [
  [/^(?:ja|jp|jpn)(?:[-_]\w+)?$|japan|japanisch|日本語|일본어/iu, 'ja'],
  [/^(?:ko|kor)(?:[-_]\w+)?$|korea|koreanisch|한국어|韓国語|韩语/iu, 'ko'],
  [/^(?:zh|chi|zho|cmn)(?:[-_]\w+)?$|chinese|mandarin|chinesisch|中文|汉语|漢語|普通话|中国語|중국어/iu, 'zh'],
  [/^(?:en|eng)(?:[-_]\w+)?$|english|englisch|英語|英语|영어/iu, 'en'],
];

export function languageFromField(value: string | undefined): Language | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  return LANGUAGE_NAMES.find(([pattern]) => pattern.test(text))?.[1];
}

/** Field first, script second. */
export function detectLanguage(field: string | undefined, ...texts: (string | undefined)[]): Language | undefined {
  return languageFromField(field) ?? languageFromScript(...texts);
}
