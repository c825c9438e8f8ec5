import { useTranslation } from 'react-i18next';
import type { PracticeTodayResponse } from '../../../../contracts/practice.js';
import { formatRatio } from '../../../../domain/interaction-kinds.js';
import { NO_POSITIVE_SCHOOL_DAYS, TARGET_RATIO } from '../../../../domain/ratio.js';
import { formatAge, keepTogether } from '../lib/format.js';

type FocusItem = PracticeTodayResponse['focus'][number];

/** The reason a student is on this week's list, in plain words. */
export function useReasonText(week: PracticeTodayResponse): (item: FocusItem) => string {
  const { t } = useTranslation();
  return (item) => {
    switch (item.reason) {
      case 'open_repair': {
        const repair = week.openRepairs.find((r) => r.studentId === item.studentId);
        return repair
          ? t('practice.focus.reasons.openRepairAge', { age: formatAge(repair.ageHours, t) })
          : t('practice.focus.reasons.openRepair');
      }
      case 'plan_day_today': {
        const day = week.planDays.find((d) => d.studentId === item.studentId);
        return day
          ? t('practice.focus.reasons.planDay', { n: day.dayNumber })
          : t('practice.focus.reasons.planDayToday');
      }
      case 'no_positive_lately':
        return t('practice.focus.reasons.noPositive', { count: NO_POSITIVE_SCHOOL_DAYS });
      case 'low_ratio':
        return t('practice.focus.reasons.lowRatio', {
          reference: keepTogether(formatRatio(TARGET_RATIO, 1)),
        });
      case 'pre_establish':
        return t('practice.focus.reasons.preEstablish');
      case 'old_repair': {
        const repair = week.openRepairs.find((r) => r.studentId === item.studentId);
        return repair
          ? t('practice.focus.reasons.oldRepair', { age: formatAge(repair.ageHours, t) })
          : t('practice.focus.reasons.oldRepairNoAge');
      }
    }
  };
}
