import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../platform/context';
import type { Services } from '../platform/module';
import { PageArgs } from '../platform/pagination';
import type { ProfessionalsService } from '../professionals/professionals.service';
import { Professional } from '../professionals/professionals.types';
import type { MoveConsentService } from './move-consent.service';
import type { MoveRequestsService } from './move-requests.service';
import type { MovedYearsService } from './moved-years.service';
import {
  MoveConsentRequest,
  MoveConsentRequestConnection,
  MoveDecision,
  MovedYear,
  MoveRequest,
  MoveRequestConnection,
  MoveRequestStatus,
  RequestMoveInput,
  ReviewMovedYearInput,
} from './moves.types';

@Resolver(() => MoveRequest)
export class MoveRequestsResolver {
  private readonly requests: MoveRequestsService;
  private readonly professionals: ProfessionalsService;
  constructor(services: Services) {
    this.requests = services.moveRequests;
    this.professionals = services.professionals;
  }

  @Authorized()
  @Mutation(() => MoveRequest, { description: '申请将平台上其他地区登记的人员迁入本单位（按身份证号码与姓名；待本人或原地区人社局同意）' })
  requestMove(@Ctx() ctx: Context, @Arg('input') input: RequestMoveInput) {
    return this.requests.request(ctx, input);
  }

  @Authorized()
  @Mutation(() => MoveRequest, { description: '撤回尚未处理的迁入申请' })
  cancelMoveRequest(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.requests.cancel(ctx, id);
  }

  @Authorized()
  @Query(() => MoveRequestConnection, { description: '迁入管理范围内单位的迁入申请（新的在前），键集分页' })
  moveRequests(@Ctx() ctx: Context, @Args() page: PageArgs, @Arg('status', () => MoveRequestStatus, { nullable: true }) status?: MoveRequestStatus | null) {
    return this.requests.findMany(ctx, status ?? null, page);
  }

  @Authorized()
  @Query(() => MoveRequest, { nullable: true, description: '一份迁入申请；无权查看时为空' })
  moveRequest(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.requests.findOne(ctx, id);
  }

  @FieldResolver(() => Professional, { nullable: true, description: '迁入后本地的人员记录' })
  professional(@Root() r: MoveRequest, @Ctx() ctx: Context) {
    return r.professionalId ? this.professionals.findOne(ctx, r.professionalId) : null;
  }
}

@Resolver(() => MoveConsentRequest)
export class MoveConsentResolver {
  private readonly consent: MoveConsentService;
  private readonly professionals: ProfessionalsService;
  constructor(services: Services) {
    this.consent = services.moveConsent;
    this.professionals = services.professionals;
  }

  @Authorized()
  @Query(() => MoveConsentRequestConnection, {
    description: '等待同意的迁出申请：专业技术人员为本人的，人社局经办人为本地区人员的（早的在前），键集分页',
  })
  myMoveRequests(@Ctx() ctx: Context, @Args() page: PageArgs) {
    return this.consent.queue(ctx, page);
  }

  @Authorized()
  @Mutation(() => MoveDecision, { description: '同意迁出：已认定的年度转入迁入地区，本地记录标记为“已迁出”（本人或本地区人社局经办人）' })
  consentMove(@Ctx() ctx: Context, @Arg('requestId', () => ID) requestId: string) {
    return this.consent.consent(ctx, requestId);
  }

  @Authorized()
  @Mutation(() => MoveDecision, { description: '拒绝迁出申请，并说明理由（本人或本地区人社局经办人）' })
  refuseMove(@Ctx() ctx: Context, @Arg('requestId', () => ID) requestId: string, @Arg('reason') reason: string) {
    return this.consent.refuse(ctx, requestId, reason);
  }

  @FieldResolver(() => Professional, { nullable: true, description: '本地区被申请迁出的人员' })
  professional(@Root() r: MoveConsentRequest, @Ctx() ctx: Context) {
    return this.professionals.findOne(ctx, r.professionalId);
  }
}

@Resolver(() => Professional)
export class ProfessionalMovedYearsResolver {
  private readonly history: MovedYearsService;
  constructor(services: Services) {
    this.history = services.movedYears;
  }

  @FieldResolver(() => [MovedYear], { description: '随迁入转来的已认定年度（只读历史，注明出处与本地审核状态）' })
  movedYears(@Root() p: Professional, @Ctx() ctx: Context) {
    return this.history.history(ctx, p);
  }

  @Authorized()
  @Mutation(() => MovedYear, { description: '审核一个迁入年度（本地政策要求审核时；主管部门或人社局经办人，留痕）' })
  reviewMovedYear(@Ctx() ctx: Context, @Arg('input') input: ReviewMovedYearInput) {
    return this.history.review(ctx, input);
  }
}
