import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayOff } from '../../../../contracts/rostering.js';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { formatDay } from '../../../lib/format.js';
import { useRemoveDayOff } from '../api/remove-day-off.js';
import { useSetDayOff } from '../api/set-day-off.js';

/**
 * One day off: its date, reason and where it came from. The district's own days (uploaded or
 * added here) can have their reason changed or be removed; a term's days come from the roster.
 */
export function DayOffItem({
  day,
  onDone,
}: {
  day: DayOff;
  onDone: (message: string, removed: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [reason, setReason] = useState(day.reason);
  const changeRef = useRef<HTMLButtonElement>(null);
  const save = useSetDayOff();
  const remove = useRemoveDayOff();
  const date = formatDay(day.date, i18n.language);
  const editable = day.source !== 'term';

  // Back to the button that opened the form once it is in the page again: after React has
  // committed the closed row (a requestAnimationFrame could run before that commit and find no
  // button, leaving the focus on the page).
  const refocus = useRef(false);
  useEffect(() => {
    if (!editing && refocus.current) {
      refocus.current = false;
      changeRef.current?.focus();
    }
  }, [editing]);

  function close() {
    refocus.current = true;
    setEditing(false);
  }

  function submit() {
    if (save.isPending || reason.trim() === '') return;
    save.mutate(
      { date: day.date, reason: reason.trim() },
      {
        onSuccess: (saved) => {
          onDone(t('calendar.list.changed', { date, reason: saved.reason }), false);
          close();
        },
      },
    );
  }

  return (
    <li className="day-off">
      <p className="day-off-line">
        <time dateTime={day.date} className="day-off-date">
          {date}
        </time>{' '}
        <span className="tag">{t(`calendar.sources.${day.source}`)}</span>
      </p>
      {editing ? (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('calendar.list.newReason', { date })}</label>
            <input
              id={`${id}-reason`}
              type="text"
              required
              maxLength={200}
              value={reason}
              autoFocus
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <div className="button-row">
            <Button type="submit" variant="primary" aria-disabled={save.isPending || undefined}>
              {t('calendar.list.save')}
            </Button>
            <Button
              variant="quiet"
              onClick={() => {
                setReason(day.reason);
                close();
              }}
            >
              {t('calendar.list.cancel')}
            </Button>
          </div>
          {save.isError ? <ErrorAlert error={save.error} /> : null}
        </form>
      ) : (
        <p className="day-off-reason">{day.reason}</p>
      )}
      {editable && !editing ? (
        <div className="button-row">
          <Button ref={changeRef} variant="quiet" onClick={() => setEditing(true)}>
            {t('calendar.list.change')}
            <span className="visually-hidden"> {t('calendar.list.forDate', { date })}</span>
          </Button>
          <Button
            variant="quiet"
            aria-disabled={remove.isPending || undefined}
            onClick={() => {
              if (remove.isPending) return;
              remove.mutate(day.date, {
                onSuccess: () => onDone(t('calendar.list.removed', { date }), true),
              });
            }}
          >
            {t('calendar.list.remove')}
            <span className="visually-hidden"> {t('calendar.list.forDate', { date })}</span>
          </Button>
        </div>
      ) : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
    </li>
  );
}
