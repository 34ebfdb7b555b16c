// The signed-in account's notifications and e-mail settings (every role but the operator).
import { gql } from '../providers/graphql';

export interface NotificationItem {
  id: string;
  kind: 'SHORTFALL_REMINDER' | 'UNIT_DIGEST';
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  nodes: NotificationItem[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface EmailSettings {
  email: string | null;
  emailOptOut: boolean;
  emailEnabled: boolean;
}

const LIST = `query MyNotifications($first: Int!, $after: String, $unreadOnly: Boolean) {
  myNotifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    nodes { id kind title body createdAt readAt } totalCount pageInfo { hasNextPage endCursor } } }`;
const UNREAD = `query UnreadNotifications { unreadNotificationCount }`;
const MARK = `mutation MarkNotificationsRead($ids: [ID!]) { markNotificationsRead(ids: $ids) { marked unread } }`;
const SETTINGS = `query NotificationSettings { myNotificationSettings { email emailOptOut emailEnabled } }`;
const UPDATE = `mutation UpdateNotificationSettings($input: UpdateNotificationSettingsInput!) {
  updateMyNotificationSettings(input: $input) { email emailOptOut emailEnabled } }`;

export const PAGE_SIZE = 20;

export async function loadNotifications(after: string | null, unreadOnly: boolean): Promise<NotificationPage> {
  return (await gql<{ myNotifications: NotificationPage }>(LIST, { first: PAGE_SIZE, after, unreadOnly })).myNotifications;
}

export async function loadUnreadCount(): Promise<number> {
  return (await gql<{ unreadNotificationCount: number }>(UNREAD)).unreadNotificationCount;
}

/** Marks these notifications read (all unread ones without ids); answers how many remain unread. */
export async function markRead(ids?: string[]): Promise<number> {
  return (await gql<{ markNotificationsRead: { unread: number } }>(MARK, { ids: ids ?? null })).markNotificationsRead.unread;
}

export async function loadEmailSettings(): Promise<EmailSettings> {
  return (await gql<{ myNotificationSettings: EmailSettings }>(SETTINGS)).myNotificationSettings;
}

export async function saveEmailSettings(input: { email?: string | null; emailOptOut?: boolean }): Promise<EmailSettings> {
  return (await gql<{ updateMyNotificationSettings: EmailSettings }>(UPDATE, { input })).updateMyNotificationSettings;
}
