import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Loading } from '../../../components/ui/loading.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { useDyad } from '../api/get-dyad.js';
import { IncidentSection } from './incident-section.js';
import { LogSection } from './log-section.js';
import { PlanSection } from './plan-section.js';
import { RatioFigure } from './ratio-figure.js';
import { RatioTrend } from './ratio-trend.js';
import { RepairSection } from './repair-section.js';
import { StageSection } from './stage-section.js';
import { StrategiesSection } from './strategies-section.js';

/**
 * A teacher's page for one student (the dyad): the ratio and its trend, repair, logging a
 * moment or a note, the stage with Rapport's reason, what helps in that stage, two-by-ten plans
 * and hard moments. The app may
 * add a `lead` under the name, `about` right after it (what the student shared with the
 * teacher) and further sections (`children`) from other features.
 */
export function DyadPage({
  studentId,
  lead,
  about,
  children,
}: {
  studentId: string;
  lead?: ReactNode;
  about?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const dyad = useDyad(studentId);
  const name = dyad.data ? `${dyad.data.displayName} ${dyad.data.familyName}` : null;
  useDocumentTitle(name ?? t('practice.dyad.title'));
  if (dyad.isPending) return <Loading />;
  if (dyad.isError) return <ErrorAlert error={dyad.error} onRetry={() => void dyad.refetch()} />;
  const d = dyad.data;
  const fullName = name ?? '';
  const stage = d.stage.current?.stage ?? d.stage.suggested;
  return (
    <>
      <PageHeading lead={lead ?? d.pronouns}>{fullName}</PageHeading>
      {about}

      <section aria-labelledby="dyad-ratio-heading">
        <h2 id="dyad-ratio-heading">{t('practice.dyad.ratioHeading')}</h2>
        <RatioFigure ratio={d.ratio} window={d.window} />
        <RatioTrend
          trend={d.trend}
          caption={t('practice.trend.studentCaption', { name: d.displayName })}
        />
      </section>

      <RepairSection dyad={d} dataUpdatedAt={dyad.dataUpdatedAt} />
      <LogSection studentId={d.studentId} name={d.displayName} />
      <StageSection dyad={d} />
      <StrategiesSection stage={stage} />
      <PlanSection dyad={d} name={d.displayName} />
      <IncidentSection dyad={d} name={d.displayName} />
      {children}
    </>
  );
}
