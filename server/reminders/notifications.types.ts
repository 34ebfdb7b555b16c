// GraphQL types of in-app notifications and of an account's e-mail settings.
import { ArrayMaxSize, IsBoolean, IsEmail, IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, GraphQLISODateTime, ID, Int, InputType, ObjectType } from 'type-graphql';
import { defineEnum } from '../platform/graphql-enum';
import { ConnectionType, PageArgs } from '../platform/pagination';
import type { NotificationKind } from './notifications.repository';

export const NotificationKindEnum = defineEnum<NotificationKind>('NotificationKind', '通知类别', {
  SHORTFALL_REMINDER: '学时不足提醒：本人在截止日前学时尚未完成',
  UNIT_DIGEST: '单位汇总：本单位当天收到提醒的学时不足人员名单（单位经办人）',
});

@ObjectType('Notification', { description: '站内通知（只有收件账号本人可见）' })
export class NotificationView {
  @Field(() => ID) id: string;
  @Field(() => NotificationKindEnum) kind: NotificationKind;
  @Field() title: string;
  @Field({ description: '正文（纯文本，可含换行）' }) body: string;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: '标记已读的时间；未读为空' }) readAt: Date | null;
  @Field(() => Int, { nullable: true, description: '提醒所涉年度' }) year: number | null;
  @Field(() => String, { nullable: true, description: '提醒所涉截止日期 YYYY-MM-DD' }) deadline: string | null;
  @Field(() => Int, { nullable: true, description: '政策规定的截止前提醒天数' }) daysBefore: number | null;
  @Field(() => Int, { nullable: true, description: '单位汇总所列人数' }) people: number | null;
}

@ObjectType({ description: '我的通知（新的在前，键集分页）' })
export class NotificationConnection extends ConnectionType(NotificationView, 'Notification') {}

@ArgsType()
export class MyNotificationsArgs extends PageArgs {
  @Field({ defaultValue: false, description: '只列未读的' }) @IsBoolean() unreadOnly: boolean = false;
}

@ObjectType({ description: '标记已读的结果' })
export class MarkNotificationsReadResult {
  @Field(() => Int, { description: '本次标记为已读的条数' }) marked: number;
  @Field(() => Int, { description: '仍未读的条数（最多数到 1000）' }) unread: number;
}

@ObjectType({ description: '本人的通知设置' })
export class NotificationSettings {
  @Field(() => String, { nullable: true, description: '接收提醒邮件的电子邮箱；为空则不发邮件' }) email: string | null;
  @Field({ description: '是否已关闭邮件提醒（站内通知照常）' }) emailOptOut: boolean;
  @Field({ description: '本平台是否已配置发信服务器；未配置时不发任何邮件' }) emailEnabled: boolean;
}

@InputType({ description: '修改本人的通知设置：只改给出的项' })
export class UpdateNotificationSettingsInput {
  @Field(() => String, { nullable: true, description: '电子邮箱；null 清除' })
  @IsOptional()
  @MaxLength(254, { message: '电子邮箱最长 254 个字符' })
  @IsEmail({}, { message: '电子邮箱格式不正确，例如 zhang@example.com' })
  email?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true：不再接收邮件提醒；false：恢复' })
  @IsOptional()
  @IsBoolean()
  emailOptOut?: boolean | null;
}

@ArgsType()
export class MarkNotificationsReadArgs {
  @Field(() => [ID], { nullable: true, description: '要标为已读的通知（最多 100 条）；缺省为全部未读' })
  @IsOptional()
  @ArrayMaxSize(100, { message: '每次最多标记 100 条' })
  ids?: string[] | null;
}
