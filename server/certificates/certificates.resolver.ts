import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../platform/context';
import type { Services } from '../platform/module';
import { PageArgs } from '../platform/pagination';
import type { CertificateIssueService } from './certificate-issue.service';
import type { CertificatesService } from './certificates.service';
import { Certificate, CertificateConnection, CertificateOptions, IssueCertificateInput } from './certificates.types';

@Resolver(() => Certificate)
export class CertificatesResolver {
  private readonly certificatesService: CertificatesService;
  private readonly issuing: CertificateIssueService;
  constructor(services: Services) {
    this.certificatesService = services.certificates;
    this.issuing = services.certificateIssue;
  }

  @Authorized()
  @Query(() => CertificateConnection, { description: '本人的继续教育证书（新出具的在前）' })
  myCertificates(@Ctx() ctx: Context, @Args() page: PageArgs) {
    return this.certificatesService.findMine(ctx, page);
  }

  @Authorized()
  @Query(() => CertificateConnection, { description: '某人的继续教育证书：本人，及管理范围包含此人的经办人' })
  certificates(@Ctx() ctx: Context, @Arg('professionalId', () => ID) professionalId: string, @Args() page: PageArgs) {
    return this.certificatesService.findFor(ctx, professionalId, page);
  }

  @Authorized()
  @Query(() => Certificate, { nullable: true, description: '一份证书；无权查看时为空' })
  certificate(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.certificatesService.findOne(ctx, id);
  }

  @Authorized()
  @Query(() => CertificateOptions, { description: '可出具的证书：本地政策的规定与已认定的年度（省略 professionalId 为本人）' })
  certificateOptions(@Ctx() ctx: Context, @Arg('professionalId', () => ID, { nullable: true }) professionalId?: string | null) {
    return this.certificatesService.options(ctx, professionalId);
  }

  @Authorized()
  @Mutation(() => Certificate, { description: '出具证书（只依据已认定的年度）；同一年度与用途已有有效证书时返回该证书' })
  issueCertificate(@Ctx() ctx: Context, @Arg('input') input: IssueCertificateInput) {
    return this.issuing.issue(ctx, input);
  }
}
