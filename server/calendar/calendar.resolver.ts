import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../platform/context';
import type { Services } from '../platform/module';
import type { CalendarService } from './calendar.service';
import { WorkingCalendarYearView } from './calendar.types';

@Resolver()
export class CalendarResolver {
  private readonly calendar: CalendarService;
  constructor(services: Services) {
    this.calendar = services.calendar;
  }

  @Authorized()
  @Query(() => WorkingCalendarYearView, { description: '某年的工作日历：法定节假日、调休上班日及数据来源；不在日历中的年份为 CALENDAR_YEAR_MISSING' })
  workingCalendar(@Ctx() ctx: Context, @Arg('year', () => Int) year: number) {
    return this.calendar.year(ctx, year);
  }
}
