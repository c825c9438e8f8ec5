import { useTranslation } from 'react-i18next';
import type { SchoolOverview } from '../../../../contracts/schools.js';
import { formatRatio } from '../../../../domain/interaction-kinds.js';
import { formatShortDay } from '../../../lib/format.js';

/** "last 10 school days (Nov 9 – Nov 20)", or null when the window holds no school day. */
export function useWindowLabel(window: SchoolOverview['window']): string | null {
  const { t, i18n } = useTranslation();
  if (window.schoolDays === 0 || !window.from || !window.to) return null;
  return t('school.window', {
    count: window.schoolDays,
    from: formatShortDay(window.from, i18n.language),
    to: formatShortDay(window.to, i18n.language),
  });
}

/** One school's aggregates as a definition list: counts only, never names or notes. */
export function SchoolFigures({ school }: { school: SchoolOverview }) {
  const { t } = useTranslation();
  const windowLabel = useWindowLabel(school.window);
  return (
    <dl className="figures">
      <div>
        <dt>{t('school.students')}</dt>
        <dd>{school.students}</dd>
      </div>
      <div>
        <dt>{t('school.staff')}</dt>
        <dd>{school.staff}</dd>
      </div>
      <div>
        <dt>
          {t('school.ratio')}
          {windowLabel ? <span className="figure-note">{windowLabel}</span> : null}
        </dt>
        <dd>
          {windowLabel
            ? formatRatio(school.positive, school.corrections)
            : t('school.noSchoolDays')}
        </dd>
      </div>
      <div>
        <dt>{t('school.staffLogging')}</dt>
        <dd>
          {t('school.staffLoggingValue', { logging: school.staffLogging, staff: school.staff })}
        </dd>
      </div>
      <div>
        <dt>{t('school.withoutPositive')}</dt>
        <dd>{school.studentsWithoutPositive}</dd>
      </div>
    </dl>
  );
}
