import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../platform/context';
import type { Services } from '../platform/module';
import { PageArgs } from '../platform/pagination';
import { evidenceDownloadPath } from './evidence-keys';
import type { EvidenceService } from './evidence.service';
import { EvidenceFile, EvidenceFileConnection, type EvidenceFileView } from './evidence.types';

@Resolver(() => EvidenceFile)
export class EvidenceResolver {
  private readonly evidence: EvidenceService;
  constructor(services: Services) {
    this.evidence = services.evidence;
  }

  @Authorized()
  @Query(() => EvidenceFileConnection, { description: '本人上传的证明材料文件（新上传的在前），键集分页；上传用 POST /uploads' })
  myEvidenceFiles(@Ctx() ctx: Context, @Args() page: PageArgs) {
    return this.evidence.findMine(ctx, page);
  }

  @FieldResolver(() => String, { description: '下载地址（相对于接口所在的站点，GET，须带同样的登录凭证）' })
  downloadUrl(@Root() file: EvidenceFileView) {
    return evidenceDownloadPath(file.id);
  }
}
