import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../platform/context';
import type { ApiScope } from '../api-clients/api-clients.types';
import type { Services } from '../platform/module';
import { PageArgs } from '../platform/pagination';
import type { TenantsService } from '../tenants/tenants.service';
import type { OrganisationsService } from '../organisations/organisations.service';
import type { ProfessionalsService } from '../professionals/professionals.service';
import type { AccountsService } from './accounts.service';
import {
  AccountConnection,
  ActivateAccountInput,
  ActivationCodeResult,
  ActorKind,
  CreateOfficialAccountInput,
  IssueActivationCodeInput,
  OperatorSignInInput,
  SignInInput,
  SignInResult,
  Viewer,
} from './accounts.types';
import type { SignInService } from './sign-in.service';

@Resolver()
export class AccountsResolver {
  private readonly accountsService: AccountsService;
  private readonly signInsService: SignInService;
  private readonly tenantsService: TenantsService;
  private readonly organisationsService: OrganisationsService;
  private readonly professionalsService: ProfessionalsService;
  constructor(services: Services) {
    this.accountsService = services.accounts;
    this.signInsService = services.signIns;
    this.tenantsService = services.tenants;
    this.organisationsService = services.organisations;
    this.professionalsService = services.professionals;
  }

  @Authorized()
  @Query(() => Viewer, { description: '当前登录者' })
  async me(@Ctx() ctx: Context): Promise<Viewer> {
    const a = ctx.actor;
    const viewer = Object.assign(new Viewer(), {
      kind: a.kind as ActorKind,
      label: a.kind === 'ANONYMOUS' ? '' : a.label,
      displayName: null as string | null,
      role: a.kind === 'ACCOUNT' ? (a.role) : null,
      tenant: await this.tenantsService.current(ctx),
      organisation: null as Viewer['organisation'],
      professional: null as Viewer['professional'],
      // an API client's scopes are read from api_client.scopes, which holds ApiScope values
      scopes: a.kind === 'API_CLIENT' ? (a.scopes as ApiScope[]) : [],
    });
    if (a.kind === 'ACCOUNT') {
      viewer.displayName = await this.accountsService.ownDisplayName(ctx);
      viewer.organisation = await this.organisationsService.findOne(ctx, a.orgNodeId);
      viewer.professional = a.professionalId ? await this.professionalsService.findOne(ctx, a.professionalId) : null;
    }
    return viewer;
  }

  @Authorized()
  @Query(() => AccountConnection, { description: '管理范围内的账号' })
  accounts(@Ctx() ctx: Context, @Args() page: PageArgs) {
    return this.accountsService.findMany(ctx, page);
  }

  @Mutation(() => SignInResult, { description: '官员或专业技术人员登录' })
  signIn(@Ctx() ctx: Context, @Arg('input') input: SignInInput) {
    return this.signInsService.signIn(ctx, input, ctx.clientAddress);
  }

  @Mutation(() => SignInResult, { description: '首次登录：用一次性激活码激活账号并设置密码' })
  activateAccount(@Ctx() ctx: Context, @Arg('input') input: ActivateAccountInput) {
    return this.signInsService.activate(ctx, input, ctx.clientAddress);
  }

  @Mutation(() => SignInResult, { description: '平台运营人员登录' })
  operatorSignIn(@Ctx() ctx: Context, @Arg('input') input: OperatorSignInInput) {
    return this.signInsService.operatorSignIn(ctx, input, ctx.clientAddress);
  }

  @Authorized()
  @Mutation(() => ActivationCodeResult, { description: '为下级机构新建工作人员账号，返回一次性激活码' })
  createOfficialAccount(@Ctx() ctx: Context, @Arg('input') input: CreateOfficialAccountInput) {
    return this.accountsService.createOfficial(ctx, input);
  }

  @Authorized()
  @Mutation(() => ActivationCodeResult, { description: '签发一次性激活码（首次激活或重置密码）' })
  issueActivationCode(@Ctx() ctx: Context, @Arg('input') input: IssueActivationCodeInput) {
    return this.accountsService.issueActivationCode(ctx, input);
  }
}
