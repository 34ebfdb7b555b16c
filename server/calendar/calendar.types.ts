import { Field, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';

@ObjectType('CalendarDay', { description: '工作日历中的一天：法定节假日或调休上班日' })
export class CalendarDayView {
  @Field({ description: '日期 YYYY-MM-DD' }) date: string;
  @Field({ description: '所属节日，如“国庆节”' }) name: string;
}

@ObjectType('WorkingCalendarYear', { description: '某年的法定节假日与调休上班日（计算工作日的依据）及其来源' })
export class WorkingCalendarYearView {
  @Field(() => Int) year: number;
  @Field(() => [CalendarDayView], { description: '法定节假日（含假期中的周末）' }) holidays: CalendarDayView[];
  @Field(() => [CalendarDayView], { description: '调休上班的周末' }) adjustedWorkdays: CalendarDayView[];
  @Field({ description: '数据来源（软件包名）' }) source: string;
  @Field({ description: '数据来源的版本' }) sourceVersion: string;
  @Field(() => GraphQLISODateTime, { description: '该年数据通过校验并载入的时间' }) checkedAt: Date;
}
