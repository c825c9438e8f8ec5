import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ClassSummary } from '../../../../contracts/classes.js';

const classPath = (id: string) => `/classes/${encodeURIComponent(id)}`;

/** Today's classes on the home: small tiles (title, period, room), several to a row. */
export function TodayTiles({ classes }: { classes: ClassSummary[] }) {
  const { t } = useTranslation();
  return (
    <ul className="class-tiles">
      {classes.map((c) => (
        <li key={c.id}>
          <Link to={classPath(c.id)} className="class-tile">
            <span className="class-title">{c.title}</span>
            {c.period ? (
              <span className="class-meta">{t('classInfo.period', { period: c.period })}</span>
            ) : null}
            {c.room ? (
              <span className="class-meta">{t('classInfo.room', { room: c.room })}</span>
            ) : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Every class, with its period, room and size, and the way to its ratios. */
export function ClassList({ classes }: { classes: ClassSummary[] }) {
  const { t } = useTranslation();
  return (
    <ul className="card-list">
      {classes.map((c) => (
        <li key={c.id} className="class-item">
          <Link to={classPath(c.id)} className="class-link">
            <span className="class-title">{c.title}</span>
            <span className="class-meta">
              {[
                c.period ? t('classInfo.period', { period: c.period }) : null,
                c.room ? t('classInfo.room', { room: c.room }) : null,
                t('classInfo.students', { count: c.studentCount }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </Link>
          <Link to={`${classPath(c.id)}/ratios`} className="class-ratios-link">
            {t('home.teacher.classRatios')}
            <span className="visually-hidden">
              {' '}
              {t('home.teacher.forClass', { title: c.title })}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
