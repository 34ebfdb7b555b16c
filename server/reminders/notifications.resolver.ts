import { Arg, Args, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../platform/context';
import type { Services } from '../platform/module';
import type { NotificationsService } from './notifications.service';
import {
  MarkNotificationsReadArgs,
  MarkNotificationsReadResult,
  MyNotificationsArgs,
  NotificationConnection,
  NotificationSettings,
  UpdateNotificationSettingsInput,
} from './notifications.types';

@Resolver()
export class NotificationsResolver {
  private readonly notifications: NotificationsService;
  constructor(services: Services) {
    this.notifications = services.notifications;
  }

  @Authorized()
  @Query(() => NotificationConnection, { description: '我的站内通知（新的在前）' })
  myNotifications(@Ctx() ctx: Context, @Args() args: MyNotificationsArgs) {
    return this.notifications.mine(ctx, args);
  }

  @Authorized()
  @Query(() => Int, { description: '我的未读通知数（最多数到 1000）' })
  unreadNotificationCount(@Ctx() ctx: Context) {
    return this.notifications.unreadCount(ctx);
  }

  @Authorized()
  @Mutation(() => MarkNotificationsReadResult, { description: '把我的通知标为已读（不给 ids 则全部）' })
  markNotificationsRead(@Ctx() ctx: Context, @Args() args: MarkNotificationsReadArgs) {
    return this.notifications.markRead(ctx, args.ids);
  }

  @Authorized()
  @Query(() => NotificationSettings, { description: '本人的通知设置：提醒邮箱与是否关闭邮件提醒' })
  myNotificationSettings(@Ctx() ctx: Context) {
    return this.notifications.settings(ctx);
  }

  @Authorized()
  @Mutation(() => NotificationSettings, { description: '修改本人的通知设置（电子邮箱、关闭或恢复邮件提醒）' })
  updateMyNotificationSettings(@Ctx() ctx: Context, @Arg('input') input: UpdateNotificationSettingsInput) {
    return this.notifications.updateSettings(ctx, input);
  }
}
