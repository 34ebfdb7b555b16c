// The frame around every page: the app bar (title, language switch, user menu)
// and a menu that lists only what the signed-in role may open.
import type { ReactNode } from 'react';
import { AppBar, Layout, LoadingIndicator, LocalesMenuButton, Menu, type LayoutProps } from 'react-admin';
import { NotificationBell } from '../notifications/notification-bell';
import { useTranslate } from 'ra-core';
import { pages } from '../pages';
import { resources } from '../resources';
import { readSession } from '../providers/session';

function ConsoleMenu() {
  const translate = useTranslate();
  const role = readSession()?.role;
  if (!role) return <Menu />;
  return (
    <Menu>
      <Menu.DashboardItem primaryText={translate('app.menu.dashboard')} />
      {pages
        .filter((p) => p.menu && p.roles.includes(role))
        .map((p) => {
          const Icon = p.icon;
          return <Menu.Item key={p.name} to={p.path} primaryText={translate(`app.pages.${p.name}`)} leftIcon={<Icon />} data-menu={p.name} />;
        })}
      {resources
        .filter((r) => r.list && r.access.list?.includes(role))
        .map((r) => (
          <Menu.ResourceItem key={r.name} name={r.name} data-menu={r.name} />
        ))}
    </Menu>
  );
}

/** The app bar: the notifications bell (every signed-in account), the language switch, the loading indicator. */
function ConsoleAppBar() {
  return (
    <AppBar
      toolbar={
        <>
          <NotificationBell />
          <LocalesMenuButton />
          <LoadingIndicator />
        </>
      }
    />
  );
}

export function ConsoleLayout({ children, ...props }: LayoutProps & { children?: ReactNode }) {
  return (
    <Layout {...props} menu={ConsoleMenu} appBar={ConsoleAppBar}>
      {children}
    </Layout>
  );
}
