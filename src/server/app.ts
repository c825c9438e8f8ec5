// The composition root: the platform's HTTP app with every feature's routes. The only server
// module that imports every feature; features never import each other, and the platform never
// imports a feature (both checked by lint, eslint.config.js).
import authRoutes from './features/auth/auth.routes.js';
import calendarRoutes from './features/calendar/calendar.routes.js';
import classesRoutes from './features/classes/classes.routes.js';
import healthRoutes from './features/health/health.routes.js';
import equityLensRoutes from './features/insights/equity-lens.routes.js';
import insightsRoutes from './features/insights/insights.routes.js';
import interactionsRoutes from './features/interactions/interactions.routes.js';
import knowRoutes from './features/know/know.routes.js';
import { incidentsRoutes, plansRoutes } from './features/practice/plans.routes.js';
import practiceRoutes from './features/practice/practice.routes.js';
import rosteringRoutes from './features/rostering/rostering.routes.js';
import rosterExportRoutes from './features/rostering/export/export.routes.js';
import schoolsRoutes from './features/schools/schools.routes.js';
import strategiesRoutes from './features/strategies/strategies.routes.js';
import studentsRoutes from './features/students/students.routes.js';
import surveyReportsRoutes from './features/survey-reports/survey-reports.routes.js';
import surveysRoutes from './features/surveys/surveys.routes.js';
import { buildHttpApp, type App, type AppDeps } from './platform/http/app.js';

export type { App, AppDeps } from './platform/http/app.js';

/** Registers every feature's routes under its prefix. */
export async function registerFeatureRoutes(app: App): Promise<void> {
  await app.register(healthRoutes);
  await app.register(authRoutes, { prefix: '/api/auth' });
  await app.register(classesRoutes, { prefix: '/api' });
  await app.register(interactionsRoutes, { prefix: '/api/interactions' });
  await app.register(studentsRoutes, { prefix: '/api/students' });
  await app.register(schoolsRoutes, { prefix: '/api' });
  await app.register(practiceRoutes, { prefix: '/api/practice' });
  await app.register(plansRoutes, { prefix: '/api/plans' });
  await app.register(incidentsRoutes, { prefix: '/api/incidents' });
  await app.register(strategiesRoutes, { prefix: '/api/strategies' });
  await app.register(rosteringRoutes, { prefix: '/api/rostering' });
  await app.register(calendarRoutes, { prefix: '/api/calendar' });
  await app.register(rosterExportRoutes, { prefix: '/api/rostering' });
  await app.register(insightsRoutes, { prefix: '/api/insights' });
  await app.register(equityLensRoutes, { prefix: '/api/insights' });
  await app.register(knowRoutes, { prefix: '/api/know' });
  await app.register(surveyReportsRoutes, { prefix: '/api/survey-reports' });
  await app.register(surveysRoutes, { prefix: '/api/surveys' });
}

/** The app as it serves: the platform with every feature's routes. */
export function buildApp(deps: AppDeps): Promise<App> {
  return buildHttpApp(deps, registerFeatureRoutes);
}
