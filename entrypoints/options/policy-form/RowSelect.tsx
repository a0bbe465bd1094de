import type { ControlProps } from '@/components/Field';
import type { Row } from './draft';
import { fl } from './PolicyForm';

/** A choice of one of the policy's calendars or levels (by name, stored by id), or none. */
export function RowSelect({ control, rows, value, onChange }: { control: ControlProps; rows: Row[]; value: string; onChange: (id: string | undefined) => void }) {
  return (
    <select {...control} value={value} onChange={(e) => onChange(e.target.value || undefined)}>
      <option value="">{fl('none')}</option>
      {rows.map((row) => (
        <option key={row.key} value={row.id}>
          {(typeof row.rule.name === 'string' && row.rule.name) || row.id}
        </option>
      ))}
    </select>
  );
}
