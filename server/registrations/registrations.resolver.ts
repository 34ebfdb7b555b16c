import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../platform/context';
import type { Services } from '../platform/module';
import { PageArgs } from '../platform/pagination';
import {
  ApproveApplicationArgs,
  OrganisationApplication,
  OrganisationApplicationConnection,
  OrganisationApplicationInput,
} from './org-application.types';
import type { OrgApplicationsService } from './org-applications.service';
import {
  ApproveRegistrationArgs,
  ProfessionalRegistration,
  ProfessionalRegistrationConnection,
  ProfessionalSignUpInput,
} from './professional-registration.types';
import type { ProfessionalRegistrationsService } from './professional-registrations.service';
import type { RegistrationDirectoryService } from './registration-directory.service';
import {
  RegistrationDirectoryArgs,
  RegistrationOrganisationConnection,
  RegistrationProgress,
  RegistrationProgressArgs,
  RegistrationQueueCounts,
  RegistrationQueueFilter,
  RegistrationReceipt,
  RejectRegistrationArgs,
} from './registrations.types';

/** Sign-up without signing in: the directory of the tenant's tree, the sign-ups, their progress by receipt. */
@Resolver()
export class SignUpResolver {
  private readonly directory: RegistrationDirectoryService;
  private readonly registrations: ProfessionalRegistrationsService;
  private readonly applications: OrgApplicationsService;
  constructor(services: Services) {
    this.directory = services.registrationDirectory;
    this.registrations = services.professionalRegistrations;
    this.applications = services.orgApplications;
  }

  @Query(() => RegistrationOrganisationConnection, { description: '自助注册（无需登录）：可选择的用人单位，按名称，可按名称中的文字查找' })
  registrationUnits(@Ctx() ctx: Context, @Args() { tenantCode, name, ...page }: RegistrationDirectoryArgs) {
    return this.directory.units(ctx, tenantCode, name ?? null, page);
  }

  @Query(() => RegistrationOrganisationConnection, { description: '机构自助注册（无需登录）：可选择的上级机构（人社局、主管部门），按名称' })
  registrationParents(@Ctx() ctx: Context, @Args() { tenantCode, name, ...page }: RegistrationDirectoryArgs) {
    return this.directory.parents(ctx, tenantCode, name ?? null, page);
  }

  @Query(() => RegistrationProgress, { description: '凭注册回执查询审核进度和退回理由（无需登录）' })
  registrationProgress(@Ctx() ctx: Context, @Args() { tenantCode, receipt }: RegistrationProgressArgs) {
    return this.directory.progress(ctx, tenantCode, receipt);
  }

  @Mutation(() => RegistrationReceipt, { description: '专业技术人员自助注册（无需登录），待所选单位审核；返回回执' })
  signUpProfessional(@Ctx() ctx: Context, @Arg('input') input: ProfessionalSignUpInput) {
    return this.registrations.signUp(ctx, input);
  }

  @Mutation(() => RegistrationReceipt, { description: '用人单位或主管部门自助注册（无需登录），待上级审核；返回回执' })
  applyForOrganisation(@Ctx() ctx: Context, @Arg('input') input: OrganisationApplicationInput) {
    return this.applications.apply(ctx, input);
  }
}

/** The officials' side: their queues and decisions. */
@Resolver()
export class RegistrationReviewResolver {
  private readonly registrations: ProfessionalRegistrationsService;
  private readonly applications: OrgApplicationsService;
  constructor(services: Services) {
    this.registrations = services.professionalRegistrations;
    this.applications = services.orgApplications;
  }

  @Authorized()
  @Query(() => ProfessionalRegistrationConnection, {
    description: '本级的专业技术人员注册审核队列（用人单位：本单位；主管部门：下属单位；人社局：全部），按提交先后，键集分页；totalCount 最多计到 10000',
  })
  registrationQueue(@Ctx() ctx: Context, @Args() page: PageArgs, @Arg('filter', () => RegistrationQueueFilter, { nullable: true }) filter?: RegistrationQueueFilter) {
    return this.registrations.queue(ctx, filter ?? null, page);
  }

  @Authorized()
  @Query(() => RegistrationQueueCounts, { description: '本级专业技术人员注册审核队列各状态的数量' })
  registrationQueueCounts(@Ctx() ctx: Context, @Arg('filter', () => RegistrationQueueFilter, { nullable: true }) filter?: RegistrationQueueFilter) {
    return this.registrations.counts(ctx, filter ?? null);
  }

  @Authorized()
  @Query(() => ProfessionalRegistration, { nullable: true, description: '一条专业技术人员注册申请（在本级审核队列中时）' })
  professionalRegistration(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.registrations.findOne(ctx, id);
  }

  @Authorized()
  @Mutation(() => ProfessionalRegistration, { description: '通过专业技术人员注册：登记人员并启用其账号（密码为注册时设置的）' })
  approveProfessionalRegistration(@Ctx() ctx: Context, @Args() { id, joinedUnitOn, comment }: ApproveRegistrationArgs) {
    return this.registrations.approve(ctx, id, joinedUnitOn ?? null, comment ?? null);
  }

  @Authorized()
  @Mutation(() => ProfessionalRegistration, { description: '退回专业技术人员注册（须填写理由，申请人凭回执可见）' })
  rejectProfessionalRegistration(@Ctx() ctx: Context, @Args() { id, reason }: RejectRegistrationArgs) {
    return this.registrations.reject(ctx, id, reason);
  }

  @Authorized()
  @Query(() => OrganisationApplicationConnection, {
    description: '本级的机构注册审核队列（主管部门：申请在本部门下的；人社局：全部），按提交先后，键集分页；totalCount 最多计到 10000',
  })
  organisationApplicationQueue(@Ctx() ctx: Context, @Args() page: PageArgs, @Arg('filter', () => RegistrationQueueFilter, { nullable: true }) filter?: RegistrationQueueFilter) {
    return this.applications.queue(ctx, filter ?? null, page);
  }

  @Authorized()
  @Query(() => RegistrationQueueCounts, { description: '本级机构注册审核队列各状态的数量' })
  organisationApplicationQueueCounts(@Ctx() ctx: Context, @Arg('filter', () => RegistrationQueueFilter, { nullable: true }) filter?: RegistrationQueueFilter) {
    return this.applications.counts(ctx, filter ?? null);
  }

  @Authorized()
  @Query(() => OrganisationApplication, { nullable: true, description: '一条机构注册申请（在本级审核队列中时）' })
  organisationApplication(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.applications.findOne(ctx, id);
  }

  @Authorized()
  @Mutation(() => OrganisationApplication, { description: '通过机构注册：在所选上级下建立机构，并启用其管理员账号（密码为申请时设置的）' })
  approveOrganisationApplication(@Ctx() ctx: Context, @Args() { id, comment }: ApproveApplicationArgs) {
    return this.applications.approve(ctx, id, comment ?? null);
  }

  @Authorized()
  @Mutation(() => OrganisationApplication, { description: '退回机构注册（须填写理由，申请人凭回执可见）' })
  rejectOrganisationApplication(@Ctx() ctx: Context, @Args() { id, reason }: RejectRegistrationArgs) {
    return this.applications.reject(ctx, id, reason);
  }
}
