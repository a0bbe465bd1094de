import { formatInZone } from '../../../core/evaluate/format';
import type { BadgeSection } from '../badge-model';
import { formatDuration } from '../badge-state';
import type { DurationWords, PopoverWords } from '../badge-words';
import type { ExactEntry } from './exact-data';
import type { HelpdeskDeadline } from './types';

/** What the popover says of the API: where the exact values came from, or why they are missing. */
export function exactLine(entry: ExactEntry, zone: string, words: PopoverWords): string {
  const when = formatInZone(entry.readAt, zone);
  if (!entry.failure) return words.exactFrom(entry.apiName, when);
  const reason = words.apiFailure[entry.failure.kind];
  // A failure after an earlier answer: the values shown are that answer's, which is said too.
  return entry.exact ? words.exactStale(entry.apiName, reason) : words.exactMissing(entry.apiName, reason);
}

/**
 * The helpdesk's own first-response target beside the contract's: the audit no helpdesk can do
 * alone. A helpdesk target later than the contract's is a warning (the helpdesk would let the
 * contract be missed without alerting anyone).
 */
export function helpdeskSection(
  helpdesk: HelpdeskDeadline,
  contractDeadline: string | undefined,
  zone: string,
  words: PopoverWords,
  duration: DurationWords,
): BadgeSection {
  const at = Date.parse(helpdesk.deadline);
  const lines = [words.helpdeskDue(helpdesk.name, formatInZone(at, zone))];
  const contract = contractDeadline ? Date.parse(contractDeadline) : Number.NaN;
  // Within a minute is the same target: helpdesks store deadlines to the minute or second.
  const gap = at - contract;
  let warning = false;
  if (Number.isFinite(gap)) {
    if (gap >= 60_000) {
      lines.push(words.helpdeskLooser(formatDuration(gap, duration)));
      warning = true;
    } else if (gap <= -60_000) lines.push(words.helpdeskStricter(formatDuration(-gap, duration)));
    else lines.push(words.helpdeskSame);
  }
  return { title: words.titles.helpdeskSla, lines, warning };
}
