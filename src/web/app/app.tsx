import { BrowserRouter, Route, Routes } from 'react-router';
import { SignInPage } from '../features/auth/components/sign-in-page.js';
import { Layout } from './layout.js';
import { lazyPage } from './lazy-page.js';
import { NotFoundPage } from './not-found-page.js';
import { AppProviders } from './providers.js';
import { RequireSession } from './require-session.js';
import {
  AccuracyRoute,
  ClassOverviewRoute,
  EquityLensRoute,
  PredictionsRoute,
  CalendarRoute,
  ClassRatiosRoute,
  ClassesRoute,
  HomeRoute,
  InsightsRoute,
  KnowStudentsRoute,
  OpenRepairsRoute,
  ProfileRoute,
  QuestionnaireRoute,
  RepairReportRoute,
  RosterRoute,
  StudentRoute,
  SurveyGapRoute,
  SurveyReportRoute,
  SurveyReportsRoute,
  SurveysAdminRoute,
  ManageSurveyRoute,
  SurveySettingsRoute,
  TakeSurveyRoute,
} from './role-routes.js';

// Signing in is the first page a visitor sees, so it comes with the first load; the rest loads
// on first use (see role-routes.tsx).
const ClassView = lazyPage(
  () => import('../features/classes/components/class-view.js'),
  'ClassView',
);
const QuestionnaireLinkPage = lazyPage(
  () => import('../features/know/components/questionnaire-link-page.js'),
  'QuestionnaireLinkPage',
);
const LinkEntryPage = lazyPage(
  () => import('../features/surveys/components/link-entry-page.js'),
  'LinkEntryPage',
);

export function App() {
  return (
    <AppProviders>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/questionnaire/link/:code" element={<QuestionnaireLinkPage />} />
            <Route path="/l/:code" element={<LinkEntryPage />} />
            <Route path="/surveys/take/:administrationId" element={<TakeSurveyRoute />} />
            <Route element={<RequireSession />}>
              <Route path="/" element={<HomeRoute />} />
              <Route path="/classes" element={<ClassesRoute />} />
              <Route path="/classes/:classId" element={<ClassView />} />
              <Route path="/classes/:classId/ratios" element={<ClassRatiosRoute />} />
              <Route path="/practice/repairs" element={<RepairReportRoute />} />
              <Route path="/practice/repairs/open" element={<OpenRepairsRoute />} />
              <Route path="/students/:studentId" element={<StudentRoute />} />
              <Route path="/admin/roster" element={<RosterRoute />} />
              <Route path="/admin/calendar" element={<CalendarRoute />} />
              <Route path="/classes/:classId/know" element={<ClassOverviewRoute />} />
              <Route path="/students/:studentId/predict" element={<PredictionsRoute />} />
              <Route path="/insights" element={<InsightsRoute />} />
              <Route path="/insights/accuracy" element={<AccuracyRoute />} />
              <Route path="/insights/equity-lens" element={<EquityLensRoute />} />
              <Route path="/me/profile" element={<ProfileRoute />} />
              <Route path="/questionnaire" element={<QuestionnaireRoute />} />
              <Route path="/know/students" element={<KnowStudentsRoute />} />
              <Route path="/surveys" element={<SurveyReportsRoute />} />
              <Route path="/surveys/:administrationId/gaps/:classId" element={<SurveyGapRoute />} />
              <Route
                path="/surveys/:administrationId/:scope/:scopeId"
                element={<SurveyReportRoute />}
              />
              <Route path="/surveys/administrations" element={<SurveysAdminRoute />} />
              <Route
                path="/surveys/administrations/:administrationId"
                element={<ManageSurveyRoute />}
              />
              <Route path="/admin/survey-settings" element={<SurveySettingsRoute />} />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </AppProviders>
  );
}
