import { useState } from 'react';
import { i18n } from '#i18n';
import { regionUsers } from '@/core/settings/regions';
import type { Settings } from '@/core/settings/schema';

/**
 * Deleting a team holiday list, after a confirmation. A list a contract or a custom policy still
 * uses is not deleted: the message names who uses it (their badges would silently lose the days).
 */
export function DeleteHolidayList({
  settings,
  region,
  name,
  onDelete,
}: {
  settings: Settings;
  region: string;
  name: string;
  onDelete: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const [refusal, setRefusal] = useState('');

  function ask() {
    const users = regionUsers(settings, region);
    const named = [
      ...users.customers.map((c) => i18n.t('options.calendars.usedByCustomer', [c])),
      ...users.policies.map((p) => i18n.t('options.calendars.usedByPolicy', [p])),
    ];
    if (named.length > 0) return setRefusal(i18n.t('options.calendars.inUse', [name, named.join(', ')]));
    setRefusal('');
    setAsking(true);
  }

  if (asking) {
    return (
      <fieldset className="confirm">
        <legend>{i18n.t('options.calendars.confirmDelete', [name])}</legend>
        <button
          type="button"
          className="danger"
          // Focus moves here: the question is what the reader acts on next.
          ref={(button) => button?.focus()}
          onClick={() => {
            setAsking(false);
            onDelete();
          }}
        >
          {i18n.t('options.calendars.deleteConfirmed')}
        </button>{' '}
        <button type="button" onClick={() => setAsking(false)}>
          {i18n.t('common.cancel')}
        </button>
      </fieldset>
    );
  }
  return (
    <>
      <button type="button" onClick={ask}>
        {i18n.t('options.calendars.deleteList')}
      </button>
      {refusal && (
        <p className="error" role="alert">
          {refusal}
        </p>
      )}
    </>
  );
}
