// Deadline reminders and in-app notifications (issue 13): the people short of hours are
// reminded on the days the policy names before each deadline, in the app and by e-mail, and
// unit officials get a digest of their unit; every account reads its own notifications and
// sets its e-mail address and opt-out. The runs are pg-boss jobs in the same PostgreSQL.
import { Reminders1733730000000 } from '../../migrations/1733730000000-reminders';
import { systemClock } from '../platform/clock';
import { createMailer } from '../platform/mailer';
import type { CapabilityModule } from '../platform/module';
import { connectionUrl, installJobQueue } from './job-queue';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';
import { ReminderDigestsRepository } from './reminder-digests.repository';
import { ReminderJobs } from './reminder-jobs';
import { ReminderLedgerRepository } from './reminder-ledger.repository';
import { reminderError } from './reminders.errors';
import { RemindersRepository } from './reminders.repository';
import { RemindersService } from './reminders.service';
import { UnitDigests } from './unit-digests';

declare module '../platform/module' {
  interface Services {
    reminders: RemindersService;
    notifications: NotificationsService;
  }
}

export const remindersModule: CapabilityModule = {
  name: 'reminders',
  resolvers: [NotificationsResolver],
  createServices: ({ runtime, config, clock }, { shortfalls, policies, audit }) => {
    const mailer = createMailer(config);
    const notifications = new NotificationsRepository();
    const digests = new UnitDigests(new ReminderDigestsRepository(), notifications, mailer);
    return {
      reminders: new RemindersService(runtime, new RemindersRepository(), new ReminderLedgerRepository(), notifications, digests, shortfalls, policies, mailer, clock ?? systemClock),
      notifications: new NotificationsService(notifications, audit, mailer !== null),
    };
  },
  migrations: [Reminders1733730000000],
  onStart: installJobQueue,
  startJobs: async ({ reminders }, { runtime, config, metrics }, logger) =>
    config.REMINDER_JOBS ? ReminderJobs.start(reminders, connectionUrl(runtime), config, logger, metrics ? { metrics } : {}) : null,
  errors: reminderError.catalog,
};
