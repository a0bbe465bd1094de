import { type KeyboardEvent, useId, useMemo, useState } from 'react';
import { i18n } from '#i18n';
import type { ControlProps } from './Field';

export interface ComboboxOption {
  value: string;
  label: string;
  /** Further text the search finds the option by (domains, addresses …), not shown. */
  keywords?: string;
}

/** Options listed at once: a list of thousands is searched, not scrolled. */
const LISTED = 50;

const norm = (s: string) => s.normalize('NFKC').toLowerCase();

/**
 * A searchable choice for long lists (the ARIA 1.2 combobox pattern): type to narrow the listbox,
 * ArrowDown/ArrowUp move through it (ArrowDown opens it), Enter chooses, Escape closes it and keeps
 * the choice, Home/End stay in the text. The label is the Field's (`control`).
 */
export function Combobox({
  control,
  label,
  options,
  value,
  onChange,
}: {
  control: ControlProps;
  /** The Field's label again, for the listbox. */
  label: string;
  options: readonly ComboboxOption[];
  value: string;
  onChange: (value: string) => void;
}) {
  const listId = useId();
  const chosen = options.find((o) => o.value === value);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const haystacks = useMemo(() => options.map((o) => norm(`${o.label}\n${o.keywords ?? ''}`)), [options]);
  const matches = useMemo(() => {
    const words = norm(query ?? '').trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) return options;
    return options.filter((_, i) => words.every((w) => haystacks[i]?.includes(w)));
  }, [options, haystacks, query]);
  const listed = matches.slice(0, LISTED);
  const current = listed[Math.min(active, listed.length - 1)];

  const choose = (option: ComboboxOption | undefined) => {
    if (option) onChange(option.value);
    setQuery(null);
    setOpen(false);
  };
  const move = (to: number) => {
    setOpen(true);
    setActive(Math.max(0, Math.min(listed.length - 1, to)));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (e.altKey || !open) return move(open ? active : Math.max(0, listed.indexOf(chosen as ComboboxOption)));
        return move(active + 1);
      case 'ArrowUp':
        e.preventDefault();
        return move(active - 1);
      case 'Enter':
        if (open) {
          e.preventDefault();
          choose(current);
        }
        return;
      case 'Escape':
        if (open || query !== null) {
          e.preventDefault();
          setQuery(null);
          setOpen(false);
        }
        return;
    }
  };

  return (
    <div className="combobox">
      <input
        {...control}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open && current ? `${listId}-${listed.indexOf(current)}` : undefined}
        value={query ?? chosen?.label ?? ''}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setQuery(null);
          setOpen(false);
        }}
      />
      {/* Only while open: the closed list is not there to be found (the combobox names it only then). */}
      {open && (
        <div role="listbox" id={listId} aria-label={label} className="combobox-list">
          {listed.map((option, i) => (
            <div
              key={option.value}
              tabIndex={-1}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={option === current}
              className={option === current ? 'active' : undefined}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(option);
              }}
            >
              {option.label}
            </div>
          ))}
        </div>
      )}
      {open && (
        <small className="hint" aria-live="polite">
          {matches.length === 0
            ? i18n.t('options.combobox.none')
            : matches.length > LISTED
              ? i18n.t('options.combobox.more', [String(LISTED), String(matches.length)])
              : i18n.t('options.combobox.count', matches.length)}
        </small>
      )}
    </div>
  );
}
