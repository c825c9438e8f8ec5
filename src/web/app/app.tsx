import { BrowserRouter, Route, Routes } from 'react-router';
import { ClassView } from '../features/classes/components/class-view.js';
import { SignInPage } from '../features/auth/components/sign-in-page.js';
import { LinkEntryPage } from '../features/surveys/components/link-entry-page.js';
import { Layout } from './layout.js';
import { NotFoundPage } from './not-found-page.js';
import { AppProviders } from './providers.js';
import { RequireSession } from './require-session.js';
import {
  CalendarRoute,
  ClassRatiosRoute,
  HomeRoute,
  RepairReportRoute,
  RosterRoute,
  StudentRoute,
  SurveysAdminRoute,
  TakeSurveyRoute,
} from './role-routes.js';

export function App() {
  return (
    <AppProviders>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/l/:code" element={<LinkEntryPage />} />
            <Route path="/surveys/take/:administrationId" element={<TakeSurveyRoute />} />
            <Route element={<RequireSession />}>
              <Route path="/" element={<HomeRoute />} />
              <Route path="/classes/:classId" element={<ClassView />} />
              <Route path="/classes/:classId/ratios" element={<ClassRatiosRoute />} />
              <Route path="/practice/repairs" element={<RepairReportRoute />} />
              <Route path="/students/:studentId" element={<StudentRoute />} />
              <Route path="/admin/roster" element={<RosterRoute />} />
              <Route path="/admin/calendar" element={<CalendarRoute />} />
              <Route path="/surveys/administrations" element={<SurveysAdminRoute />} />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </AppProviders>
  );
}
