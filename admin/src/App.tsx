// The console: react-admin over the GraphQL API. Resources and pages come from
// their lists; the auth provider's canAccess hides and guards what a role may not do.
// The public pages (sign-ups) are routes without the layout, open to anyone.
import { Admin, CanAccess, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { Dashboard } from './dashboard/dashboard';
import { createI18nProvider } from './i18n/i18n-provider';
import { ConsoleLayout } from './layout/console-layout';
import { LoginPage } from './layout/login-page';
import { pages, publicPages } from './pages';
import { createAuthProvider } from './providers/auth-provider';
import { createDataProvider } from './providers/data-provider';
import { resources } from './resources';
import { theme } from './layout/theme';

const dataProvider = createDataProvider(Object.fromEntries(resources.map((r) => [r.name, r.data])));
const authProvider = createAuthProvider(resources, pages);
const i18nProvider = createI18nProvider();

export function App() {
  return (
    <Admin
      title="app.title"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      loginPage={LoginPage}
      layout={ConsoleLayout}
      dashboard={Dashboard}
      theme={theme}
      requireAuth
      disableTelemetry
    >
      {resources.map((r) => (
        <Resource key={r.name} name={r.name} list={r.list} show={r.show} edit={r.edit} create={r.create} icon={r.icon} recordRepresentation={r.recordRepresentation} />
      ))}
      <CustomRoutes noLayout>
        {publicPages.map((p) => (
          <Route key={p.name} path={p.path} element={p.element} />
        ))}
      </CustomRoutes>
      <CustomRoutes>
        {pages.map((p) => (
          <Route key={p.name} path={p.path} element={<CanAccess resource={p.name} action="show">{p.element}</CanAccess>} />
        ))}
      </CustomRoutes>
    </Admin>
  );
}
