import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayOff } from '../../../../contracts/rostering.js';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { formatDay } from '../../../lib/format.js';
import { useSetDayOff } from '../api/set-day-off.js';

type Problem = 'date' | 'reason' | null;

/** Add a day off by hand: a date and a reason. */
export function AddDayOffForm({
  existing,
  onSaved,
}: {
  existing: DayOff[];
  onSaved: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const save = useSetDayOff();
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem>(null);

  function submit() {
    if (save.isPending) return;
    const found: Problem = !/^\d{4}-\d{2}-\d{2}$/.test(date)
      ? 'date'
      : reason.trim() === ''
        ? 'reason'
        : null;
    setProblem(found);
    if (found) {
      document.getElementById(`${id}-${found}`)?.focus();
      return;
    }
    const replaces = existing.some((d) => d.date === date && d.source !== 'term');
    save.mutate(
      { date, reason: reason.trim() },
      {
        onSuccess: (saved) => {
          setDate('');
          setReason('');
          const day = formatDay(saved.date, i18n.language);
          onSaved(
            replaces
              ? t('calendar.list.changed', { date: day, reason: saved.reason })
              : t('calendar.add.added', { date: day, reason: saved.reason }),
          );
        },
      },
    );
  }

  const errorId = `${id}-error`;
  const invalid = (field: Problem) =>
    problem === field ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {};
  const message = (field: Problem) =>
    problem === field ? (
      <p id={errorId} className="field-error" role="alert">
        {t(field === 'date' ? 'calendar.add.dateMissing' : 'calendar.add.reasonMissing')}
      </p>
    ) : null;

  return (
    <form
      className="inline-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-date`}>{t('calendar.add.date')}</label>
        <input
          id={`${id}-date`}
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          {...invalid('date')}
        />
        {message('date')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('calendar.add.reason')}</label>
        <input
          id={`${id}-reason`}
          type="text"
          maxLength={200}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          {...invalid('reason')}
        />
        {message('reason')}
      </div>
      <Button type="submit" variant="primary" aria-disabled={save.isPending || undefined}>
        {t('calendar.add.submit')}
      </Button>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
    </form>
  );
}
