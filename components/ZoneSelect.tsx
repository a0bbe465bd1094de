import { useMemo } from 'react';
import { Combobox, type ComboboxOption } from './Combobox';
import type { ControlProps } from './Field';

/** Zones most teams meet, listed right after the ones the caller puts first. */
const COMMON_ZONES = [
  'UTC',
  'America/Los_Angeles',
  'America/Denver',
  'America/Chicago',
  'America/New_York',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Paris',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Shanghai',
  'Asia/Seoul',
  'Asia/Tokyo',
  'Australia/Sydney',
];

let allZones: string[] | undefined;
/** Every IANA zone the browser knows (Intl), in the tz database's order. */
const knownZones = () => {
  allZones ??= Intl.supportedValuesOf('timeZone');
  return allZones;
};

/**
 * Zone choices: `none` (no zone of its own, value ''), `first` (the reader's zone, the policy's
 * zones …), the common ones, then every other zone.
 */
export function zoneOptions(first: readonly string[], none?: string): ComboboxOption[] {
  const zones = [...new Set([...first.filter(Boolean), ...COMMON_ZONES, ...knownZones()])];
  // "America/New_York" is found by "new york" too.
  const options = zones.map((zone) => ({ value: zone, label: zone, keywords: zone.replace(/[_/]/g, ' ') }));
  return none ? [{ value: '', label: none }, ...options] : options;
}

/** A searchable IANA zone picker (the label is the Field's, given again for the listbox). */
export function ZoneSelect({
  control,
  label,
  value,
  first,
  none,
  onChange,
}: {
  control: ControlProps;
  label: string;
  value: string;
  first: readonly string[];
  /** The label of a first choice for "no zone of its own" (value ''). */
  none?: string;
  onChange: (zone: string) => void;
}) {
  const key = first.join(' ');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the zones listed first, by content, not by array identity.
  const options = useMemo(() => zoneOptions(first, none), [key, none]);
  return <Combobox control={control} label={label} options={options} value={value} onChange={onChange} />;
}
