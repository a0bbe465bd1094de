import { i18n } from '#i18n';
import type { ControlProps } from './Field';

/**
 * Holiday-region choice for a policy. The empty option stands for "the policy's own default"
 * (named, so the reader sees which region applies) or for no regional holidays at all.
 */
export function RegionSelect({
  control,
  value,
  regions,
  defaultRegion,
  onChange,
}: {
  control: ControlProps;
  value: string;
  regions: string[];
  defaultRegion: string | undefined;
  onChange: (region: string) => void;
}) {
  return (
    <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{defaultRegion ? i18n.t('adhoc.regionDefault', [defaultRegion]) : i18n.t('adhoc.regionNone')}</option>
      {regions.map((r) => (
        <option key={r} value={r}>
          {r}
        </option>
      ))}
    </select>
  );
}
