import { i18n } from '#i18n';
import type { PathError } from '@/components/ErrorList';
import type { Priority } from '@/core/policy/schema';

/** One row of a priority map as edited: the helpdesk's value and its P1–P4 ('' until chosen). */
export type PriorityRow = [value: string, priority: Priority | ''];

export const rowsOf = (map: Record<string, Priority>): PriorityRow[] => Object.entries(map);

/**
 * Every problem of the rows at once, each naming its row and field (`where` names the map, e.g. the
 * helpdesk): a value is required and appears once (case does not matter, as when pages are read),
 * and a priority is chosen. A wholly empty row is left out.
 */
export function rowProblems(rows: readonly PriorityRow[], where?: string): PathError[] {
  const at = (i: number, field: string) =>
    [where, i18n.t('options.sites.rowN', [String(i + 1)]), i18n.t(field === 'value' ? 'options.sites.priorityValue' : 'adhoc.priority')]
      .filter(Boolean)
      .join(' · ');
  const seen = new Map<string, number>();
  const problems: PathError[] = [];
  rows.forEach(([raw, priority], i) => {
    const value = raw.trim().toLowerCase();
    if (!value && !priority) return;
    if (!value) problems.push({ path: at(i, 'value'), message: i18n.t('options.problem.required') });
    else if (seen.has(value)) {
      problems.push({ path: at(i, 'value'), message: i18n.t('options.sites.duplicateValue', [raw.trim(), String((seen.get(value) ?? 0) + 1)]) });
    } else seen.set(value, i);
    if (!priority) problems.push({ path: at(i, 'priority'), message: i18n.t('options.sites.priorityRequired') });
  });
  return problems;
}

/** The rows as a settings map (values in lower case, as pages are matched); call after rowProblems() found none. */
export function mapOf(rows: readonly PriorityRow[]): Record<string, Priority> {
  return Object.fromEntries(rows.flatMap(([v, p]) => (v.trim() && p ? [[v.trim().toLowerCase(), p]] : [])));
}
