import type { Policy } from '@/core/policy/schema';
import type { ControlProps } from './Field';

/** Choice of contract: the built-in policies and the team's custom ones, by name. */
export function PolicySelect({
  control,
  value,
  policies,
  onChange,
}: {
  control: ControlProps;
  value: string;
  policies: Policy[];
  onChange: (policyId: string) => void;
}) {
  return (
    <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
      {policies.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </select>
  );
}
