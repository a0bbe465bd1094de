import { useState } from 'react';
import { i18n } from '#i18n';
import { Field } from '@/components/Field';
import { LANGUAGES, type Language } from '@/core/policy/schema';
import { type Json, withField } from './draft';
import { fl, type PartProps } from './PolicyForm';
import { controlId } from './problems';
import { RowSelect } from './RowSelect';

const languageName = (lang: string) => (i18n.t as unknown as (key: string) => string)(`language.${lang}`);

/**
 * Language teams: requests in a language go to its team and use the team's calendar for business
 * hours, for the levels entitled to it (the others get English terms). Per-language target
 * overrides and billing rules are kept as they are and edited in the JSON view.
 */
export function LanguageFields({ draft, change, errorOf }: PartProps) {
  const languages = (draft.policy.languages ?? {}) as Partial<Record<Language, Json>>;
  const unused = LANGUAGES.filter((lang) => !languages[lang]);
  const [adding, setAdding] = useState<string>('');
  const setLanguages = (next: Partial<Record<Language, Json>>) => change({ ...draft, policy: { ...draft.policy, languages: next } });
  const setRule = (lang: Language, patch: Json) => setLanguages({ ...languages, [lang]: { ...languages[lang], ...patch } });
  const add = () => {
    const lang = (unused.includes(adding as Language) ? adding : unused[0]) as Language | undefined;
    if (!lang) return;
    const calendar = (draft.policy.calendar as string | undefined) ?? draft.calendars[0]?.id ?? '';
    setLanguages({ ...languages, [lang]: { team: '', calendar, levels: [], deferAll: false, source: '' } });
    setAdding('');
  };

  return (
    <section aria-labelledby="pf-languages-title">
      <h3 id="pf-languages-title">{fl('languages')}</h3>
      <p className="hint">{fl('languagesHint')}</p>
      {Object.entries(languages).map(([key, rule]) => {
        const lang = key as Language;
        if (!rule) return null;
        const ctl = (field: string) => ({ id: controlId.language(lang, field), error: errorOf(controlId.language(lang, field)) });
        const text = (field: string) => (typeof rule[field] === 'string' ? (rule[field] as string) : '');
        const entitled = (Array.isArray(rule.levels) ? rule.levels : []) as string[];
        const kept = ['overrides', 'billing'].filter((field) => rule[field] !== undefined && JSON.stringify(rule[field]) !== '{}');
        return (
          <fieldset key={lang} className="card" data-testid={`policy-language-${lang}`}>
            <legend>{fl('language', [languageName(lang)])}</legend>
            <div className="grid">
              <Field label={fl('team')} {...ctl('team')}>
                {(c) => <input {...c} value={text('team')} onChange={(e) => setRule(lang, { team: e.target.value })} />}
              </Field>
              <Field label={fl('teamCalendar')} {...ctl('calendar')}>
                {(c) => <RowSelect control={c} rows={draft.calendars} value={text('calendar')} onChange={(id) => setRule(lang, { calendar: id ?? '' })} />}
              </Field>
              <Field label={fl('source')} hint={fl('sourceHint')} {...ctl('source')}>
                {(c) => <input {...c} value={text('source')} onChange={(e) => setRule(lang, { source: e.target.value })} />}
              </Field>
            </div>
            <fieldset id={controlId.language(lang, 'levels')} tabIndex={-1}>
              <legend>{fl('entitled')}</legend>
              {draft.levels.map((level) => (
                <label key={level.key} className="check">
                  <input
                    type="checkbox"
                    checked={entitled.includes(level.id)}
                    onChange={(e) =>
                      setRule(lang, { levels: e.target.checked ? [...entitled, level.id] : entitled.filter((id) => id !== level.id) })
                    }
                  />{' '}
                  {(level.rule.name as string) || level.id}
                </label>
              ))}
              {errorOf(controlId.language(lang, 'levels')) && <small className="error">{errorOf(controlId.language(lang, 'levels'))}</small>}
            </fieldset>
            <label className="check">
              <input
                type="checkbox"
                id={controlId.language(lang, 'deferAll')}
                checked={rule.deferAll === true}
                onChange={(e) => setRule(lang, { deferAll: e.target.checked })}
              />{' '}
              {fl('deferAll')}
            </label>
            {kept.length > 0 && <p className="muted">{fl('languageKept')}</p>}
            <p>
              <button
                type="button"
                onClick={() => setLanguages(Object.fromEntries(Object.entries(languages).filter(([l]) => l !== lang)))}
              >
                {fl('removeLanguage', [languageName(lang)])}
              </button>
            </p>
          </fieldset>
        );
      })}
      {unused.length > 0 && (
        <div className="toolbar">
          <Field label={fl('addLanguageWhich')}>
            {(c) => (
              <select {...c} value={adding || unused[0]} onChange={(e) => setAdding(e.target.value)}>
                {unused.map((lang) => (
                  <option key={lang} value={lang}>
                    {languageName(lang)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="button" onClick={add}>
            {fl('addLanguage')}
          </button>
        </div>
      )}
      <Field label={fl('languageSource')} hint={fl('languageSourceHint')} id={controlId.top('languageSource')} error={errorOf(controlId.top('languageSource'))}>
        {(c) => (
          <input
            {...c}
            value={typeof draft.policy.languageSource === 'string' ? draft.policy.languageSource : ''}
            onChange={(e) => change({ ...draft, policy: withField(draft.policy, 'languageSource', e.target.value || undefined) })}
          />
        )}
      </Field>
    </section>
  );
}
