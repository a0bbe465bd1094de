import { describe, expect, it } from 'vitest';
import {
  detectLanguage,
  languageFromField,
  languageFromScript,
} from '../../core/contracts/detect-language';

describe('languageFromScript', () => {
  it.each([
    ['サーバーが応答しません', 'ja'],
    ['本番環境の障害について', 'ja'], // Han with hiragana is Japanese
    ['サーバ', 'ja'], // katakana only
    ['서버 접속 불가', 'ko'],
    ['数据库连接超时', 'zh'],
    ['資料庫連線逾時', 'zh'], // traditional Han, no kana
    ['Server down', undefined],
    ['Störung im Rechenzentrum', undefined],
  ])('%s → %s', (text, expected) => {
    expect(languageFromScript(text)).toBe(expected);
  });

  it('uses the body when the subject is Latin', () => {
    expect(languageFromScript('Re: ticket 42', 'お世話になっております')).toBe('ja');
    expect(languageFromScript(undefined, undefined)).toBeUndefined();
  });
});

describe('languageFromField', () => {
  it.each([
    ['ja', 'ja'],
    ['ja-JP', 'ja'],
    ['Japanese', 'ja'],
    ['日本語', 'ja'],
    ['Korean', 'ko'],
    ['한국어', 'ko'],
    ['Mandarin', 'zh'],
    ['zh-Hans', 'zh'],
    ['Chinese (Simplified)', 'zh'],
    ['English', 'en'],
    ['Deutsch', undefined],
    ['', undefined],
  ])('%s → %s', (value, expected) => {
    expect(languageFromField(value)).toBe(expected);
  });

  it('prefers the field over the script', () => {
    expect(detectLanguage('English', 'サーバー')).toBe('en');
    expect(detectLanguage(undefined, 'サーバー')).toBe('ja');
  });
});
