import { useTranslation } from 'react-i18next';
import type { DyadResponse } from '../../../../contracts/practice.js';
import { formatRatio } from '../../../../domain/interaction-kinds.js';
import { TARGET_RATIO } from '../../../../domain/ratio.js';
import { formatShortDay } from '../../../lib/format.js';
import { keepTogether } from '../lib/format.js';

type Ratio = DyadResponse['ratio'];
type Window = DyadResponse['window'];

/**
 * "8 : 1, positive : corrections over the last 10 school days", with the research's 5 : 1 as a
 * reference point beside it: never a grade, never a colour that says "failing".
 */
export function RatioFigure({ ratio, window }: { ratio: Ratio; window: Window }) {
  const { t, i18n } = useTranslation();
  if (window.schoolDays === 0 || !window.from || !window.to)
    return <p>{t('practice.ratio.noSchoolDays')}</p>;
  const span =
    window.from === window.to
      ? formatShortDay(window.from, i18n.language)
      : `${formatShortDay(window.from, i18n.language)} – ${formatShortDay(window.to, i18n.language)}`;
  return (
    <div className="ratio-block">
      <p className="ratio">
        <span className="ratio-figure">{formatRatio(ratio.positive, ratio.corrections)}</span>
        <span className="ratio-caption">
          {t('practice.ratio.caption', { count: window.schoolDays })} ({span})
        </span>
      </p>
      <p className="hint">
        {t('practice.ratio.reference', { reference: keepTogether(formatRatio(TARGET_RATIO, 1)) })}
      </p>
    </div>
  );
}
