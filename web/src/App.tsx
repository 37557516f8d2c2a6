import { Suspense } from 'react';
import { App as AntApp } from 'antd';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { LanguageProvider } from './i18n';
import { RequireAuth } from './modules/auth/components/RequireAuth';
import { RequirePermission } from './modules/auth/components/RequirePermission';
import { SessionProvider } from './modules/auth/components/SessionProvider';
import { AppLayout } from './modules/common/components/AppLayout';
import { ErrorBoundary } from './modules/common/components/ErrorBoundary';
import { FullPageSpin } from './modules/common/components/FullPageSpin';
import { lazyPage } from './modules/common/utils/lazy-page';

const LoginPage = lazyPage(() => import('./pages/LoginPage'));
const ActivatePage = lazyPage(() => import('./pages/ActivatePage'));
const AccountsPage = lazyPage(() => import('./pages/AccountsPage'));
const HomeRedirect = lazyPage(() => import('./pages/HomeRedirect'));
const OrgPage = lazyPage(() => import('./pages/OrgPage'));
const MembersPage = lazyPage(() => import('./pages/MembersPage'));
const MemberStatsPage = lazyPage(() => import('./pages/MemberStatsPage'));
const DuesPage = lazyPage(() => import('./pages/DuesPage'));
const AdmissionPage = lazyPage(() => import('./pages/AdmissionPage'));
const EvaluationsPage = lazyPage(() => import('./pages/EvaluationsPage'));
const TransfersPage = lazyPage(() => import('./pages/TransfersPage'));
const MyRecordPage = lazyPage(() => import('./pages/MyRecordPage'));
const SubjectRequestsPage = lazyPage(() => import('./pages/SubjectRequestsPage'));
const WorkplanPage = lazyPage(() => import('./pages/WorkplanPage'));
const WorkplanBoardPage = lazyPage(() => import('./pages/WorkplanBoardPage'));
const WorkplanTaskPage = lazyPage(() => import('./pages/WorkplanTaskPage'));
const WorkplanSupervisionPage = lazyPage(() => import('./pages/WorkplanSupervisionPage'));
const RulesPage = lazyPage(() => import('./pages/RulesPage'));
const AuditPage = lazyPage(() => import('./pages/AuditPage'));
const SecurityAlertsPage = lazyPage(() => import('./pages/SecurityAlertsPage'));
const IncidentsPage = lazyPage(() => import('./pages/IncidentsPage'));
const MinorAccessPage = lazyPage(() => import('./pages/MinorAccessPage'));
const ChangePasswordPage = lazyPage(() => import('./pages/ChangePasswordPage'));
const NotFound = lazyPage(() => import('./pages/NotFound'));

function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/activate" element={<ActivatePage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomeRedirect />} />
        <Route
          path="orgs"
          element={
            <RequirePermission permission="org.read">
              <OrgPage />
            </RequirePermission>
          }
        />
        <Route
          path="members"
          element={
            <RequirePermission permission="member.read">
              <MembersPage />
            </RequirePermission>
          }
        />
        <Route
          path="members/stats"
          element={
            <RequirePermission permission="member.read">
              <MemberStatsPage />
            </RequirePermission>
          }
        />
        <Route
          path="transfers"
          element={
            <RequirePermission permission="transfer.read">
              <TransfersPage />
            </RequirePermission>
          }
        />
        <Route
          path="admission"
          element={
            <RequirePermission permission="admission.read">
              <AdmissionPage />
            </RequirePermission>
          }
        />
        <Route
          path="evaluations"
          element={
            <RequirePermission permission="evaluation.read">
              <EvaluationsPage />
            </RequirePermission>
          }
        />
        <Route
          path="dues"
          element={
            <RequirePermission permission="dues.read">
              <DuesPage />
            </RequirePermission>
          }
        />
        <Route
          path="workplan"
          element={
            <RequirePermission permission="workplan.read">
              <WorkplanPage />
            </RequirePermission>
          }
        />
        <Route
          path="workplan/:id"
          element={
            <RequirePermission permission="workplan.read">
              <WorkplanBoardPage />
            </RequirePermission>
          }
        />
        <Route
          path="workplan/:id/supervision"
          element={
            <RequirePermission permission="workplan.read">
              <WorkplanSupervisionPage />
            </RequirePermission>
          }
        />
        <Route
          path="workplan/tasks/:id"
          element={
            <RequirePermission permission="workplan.read">
              <WorkplanTaskPage />
            </RequirePermission>
          }
        />
        <Route
          path="accounts"
          element={
            <RequirePermission permission="user.read">
              <AccountsPage />
            </RequirePermission>
          }
        />
        <Route
          path="rules"
          element={
            <RequirePermission permission="rules.read">
              <RulesPage />
            </RequirePermission>
          }
        />
        <Route
          path="subject-requests"
          element={
            <RequirePermission permission="subject.handle">
              <SubjectRequestsPage />
            </RequirePermission>
          }
        />
        <Route
          path="me"
          element={
            <RequirePermission permission="self.read">
              <MyRecordPage />
            </RequirePermission>
          }
        />
        <Route
          path="audit"
          element={
            <RequirePermission permission="audit.read">
              <AuditPage />
            </RequirePermission>
          }
        />
        <Route
          path="security-alerts"
          element={
            <RequirePermission permission="alert.read">
              <SecurityAlertsPage />
            </RequirePermission>
          }
        />
        <Route
          path="incidents"
          element={
            <RequirePermission permission="incident.read">
              <IncidentsPage />
            </RequirePermission>
          }
        />
        {/* Each tab checks its own permission: approvers, requesters (member.read) and the report (minor.report). */}
        <Route path="minor-access" element={<MinorAccessPage />} />
        <Route path="password" element={<ChangePasswordPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <LanguageProvider>
      <AntApp>
        <BrowserRouter>
          <SessionProvider>
            <ErrorBoundary>
              <Suspense fallback={<FullPageSpin />}>
                <AppRoutes />
              </Suspense>
            </ErrorBoundary>
          </SessionProvider>
        </BrowserRouter>
      </AntApp>
    </LanguageProvider>
  );
}
