import { i18n } from '#i18n';
import type { Settings } from '@/core/settings/schema';
import type { ControlProps } from './Field';
import { regionName } from './region-names';

/**
 * Holiday-region choice for a policy, by name. The empty option stands for "the policy's own
 * default" (named, so the reader sees which region applies) or for no regional holidays at all.
 */
export function RegionSelect({
  control,
  value,
  regions,
  defaultRegion,
  holidays,
  onChange,
}: {
  control: ControlProps;
  value: string;
  regions: string[];
  defaultRegion: string | undefined;
  /** The team's lists, for their names. */
  holidays?: Settings['holidays'];
  onChange: (region: string) => void;
}) {
  return (
    <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{defaultRegion ? i18n.t('adhoc.regionDefault', [regionName(defaultRegion, holidays)]) : i18n.t('adhoc.regionNone')}</option>
      {regions.map((r) => (
        <option key={r} value={r}>
          {regionName(r, holidays)}
        </option>
      ))}
    </select>
  );
}
