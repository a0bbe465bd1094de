import { IANAZone } from 'luxon';
import { useEffect, useMemo, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { loadAdhocZone, rememberAdhocZone } from '@/utils/adhoc-zone';
import { Field } from './Field';
import { formatLocalInput, localZone, nowAsLocalInput } from './format';
import { ZoneSelect } from './ZoneSelect';
import { readZonedInput, type ZonedReading } from './zoned-input';

export interface Submission {
  /** The datetime-local value, a wall time of `zone`. */
  value: string;
  zone: string;
  reading: ZonedReading;
  /** The instant read (ISO with offset); null while the time cannot be read. */
  iso: string | null;
  setValue(value: string): void;
  setZone(zone: string): void;
  /** Read a doubled wall time (DST fall-back) as its second occurrence, or its first. */
  setSecond(second: boolean): void;
}

/**
 * A submission time and the zone it was given in: the reader's zone at first, then the zone chosen
 * last time (remembered in this browser). Until the time is edited it is "now" in the chosen zone.
 */
export function useSubmission(): Submission {
  const [zone, setZoneState] = useState(localZone);
  const [value, setValueState] = useState(() => nowAsLocalInput());
  const [second, setSecond] = useState(false);
  // Whether the reader typed a time: until then the time is "now", in whichever zone is chosen.
  const edited = useRef(false);
  const setZone = (next: string) => {
    setZoneState(next);
    setSecond(false);
    if (!edited.current) setValueState(nowAsLocalInput(next));
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: read once, when the form opens.
  useEffect(() => {
    let live = true;
    loadAdhocZone().then((remembered) => {
      if (live && remembered && IANAZone.isValidZone(remembered)) setZone(remembered);
    });
    return () => {
      live = false;
    };
  }, []);
  const reading = useMemo(() => readZonedInput(value, zone, second), [value, zone, second]);
  return {
    value,
    zone,
    reading,
    iso: reading.kind === 'ok' ? reading.iso : null,
    setValue: (next) => {
      setValueState(next);
      edited.current = true;
      setSecond(false);
    },
    setZone: (next) => {
      setZone(next);
      rememberAdhocZone(next).catch(() => undefined);
    },
    setSecond,
  };
}

/** Why the submission time cannot be read, in the reader's words; undefined when it can. */
export function submissionError(submission: Submission): string | undefined {
  const { reading, value, zone } = submission;
  if (reading.kind === 'invalid') return i18n.t('adhoc.submittedInvalid');
  if (reading.kind === 'gap') return i18n.t('adhoc.submittedGap', [formatLocalInput(value) ?? value, zone, reading.from, reading.to]);
  return undefined;
}

/**
 * The Submitted field and, beside it, the zone the time was given in (a ticket from Berlin read in
 * New York): common zones and `zones` (the policy's) first. A time a DST change skips is refused;
 * one it doubles says which offset it was read with and offers the other.
 */
export function SubmittedFields({ submission, zones, error }: { submission: Submission; zones: readonly string[]; error?: string }) {
  const { value, zone, reading } = submission;
  const shown = formatLocalInput(value);
  const zoneLabel = i18n.t('adhoc.submittedZone');
  return (
    <>
      {/* Full width so no browser cuts the time (Firefox's 12-hour "04:30 PM"), and the 24-hour reading under it. */}
      <Field
        label={i18n.t('adhoc.submitted')}
        error={error}
        hint={reading.kind === 'ok' && shown ? `${shown} · ${zone} (${reading.offset})` : zone}
        wide
      >
        {(c) => <input {...c} type="datetime-local" value={value} onChange={(e) => submission.setValue(e.target.value)} />}
      </Field>
      <Field label={zoneLabel} wide>
        {(c) => <ZoneSelect control={c} label={zoneLabel} value={zone} first={[localZone(), zone, ...zones]} onChange={submission.setZone} />}
      </Field>
      {reading.kind === 'ok' && reading.other && (
        <DoubledTime submission={submission} shown={shown ?? value} used={reading.iso} offset={reading.offset} other={reading.other} />
      )}
    </>
  );
}

/** A wall time the zone's clocks show twice: which offset it was read with, and a button for the other. */
function DoubledTime({
  submission,
  shown,
  used,
  offset,
  other,
}: {
  submission: Submission;
  shown: string;
  used: string;
  offset: string;
  other: { iso: string; offset: string };
}) {
  const firstUsed = Date.parse(used) < Date.parse(other.iso);
  return (
    <p className="notice" role="status" data-testid="submitted-twice">
      {i18n.t(firstUsed ? 'adhoc.submittedTwiceFirst' : 'adhoc.submittedTwiceSecond', [shown, submission.zone, offset])}{' '}
      <button type="button" className="link" onClick={() => submission.setSecond(firstUsed)}>
        {i18n.t('adhoc.useOffset', [other.offset])}
      </button>
    </p>
  );
}
