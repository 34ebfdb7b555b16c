// Calendar: the statutory working-day calendar (holidays and adjusted working weekends by
// year), loaded from the chinese-days package at every start and read by anyone signed in.
import { HolidayCalendar1732700000000 } from '../../migrations/1732700000000-holiday-calendar';
import type { CapabilityModule } from '../platform/module';
import { calendarError } from './calendar.errors';
import { CalendarRepository } from './calendar.repository';
import { CalendarResolver } from './calendar.resolver';
import { CalendarService } from './calendar.service';
import { syncCalendarOnStart } from './calendar-sync';

declare module '../platform/module' {
  interface Services {
    calendar: CalendarService;
  }
}

export const calendarModule: CapabilityModule = {
  name: 'calendar',
  resolvers: [CalendarResolver],
  createServices: () => ({ calendar: new CalendarService(new CalendarRepository()) }),
  migrations: [HolidayCalendar1732700000000],
  onStart: syncCalendarOnStart,
  errors: calendarError.catalog,
};
