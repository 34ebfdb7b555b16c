import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../platform/context';
import type { Services } from '../platform/module';
import { PageArgs } from '../platform/pagination';
import type { ProjectsService } from './projects.service';
import type { ReportService } from './report.service';
import {
  FileTrainingProjectInput,
  ReportTrainingCompletionsArgs,
  TrainingCompletionConnection,
  TrainingProject,
  TrainingProjectConnection,
  TrainingProjectFilter,
  TrainingReportResult,
} from './providers.types';

@Resolver(() => TrainingProject)
export class ProvidersResolver {
  private readonly projects: ProjectsService;
  private readonly reports: ReportService;
  constructor(services: Services) {
    this.projects = services.trainingProjects;
    this.reports = services.trainingReports;
  }

  @Authorized()
  @Mutation(() => TrainingProject, {
    description: '备案培训项目（施教机构：training:report 权限的 API 客户端；人社局：平台自有课程）。未在政策规定的提前期内备案的项目照常备案，但不计学时，并说明原因',
  })
  fileTrainingProject(@Ctx() ctx: Context, @Arg('input') input: FileTrainingProjectInput) {
    return this.projects.file(ctx, input);
  }

  @Authorized()
  @Mutation(() => TrainingReportResult, {
    description: '批量上报培训完成情况（每批最多 10000 条，无需审核直接记录学时）。按批次号幂等；每条记录单独返回结果，有误的记录不影响其余记录',
  })
  reportTrainingCompletions(@Ctx() ctx: Context, @Args() args: ReportTrainingCompletionsArgs) {
    return this.reports.report(ctx, args);
  }

  @Authorized()
  @Query(() => TrainingProject, { nullable: true, description: '一个培训项目（施教机构：本机构的；人社局：全部）' })
  trainingProject(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.projects.findOne(ctx, id);
  }

  @Authorized()
  @Query(() => TrainingProjectConnection, { description: '培训项目（施教机构：本机构的；人社局：全部），按备案时间从新到旧，键集分页' })
  trainingProjects(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('filter', () => TrainingProjectFilter, { nullable: true }) filter?: TrainingProjectFilter | null,
  ) {
    return this.projects.findMany(ctx, filter ?? {}, page);
  }

  @Authorized()
  @Query(() => TrainingCompletionConnection, { description: '一个培训项目的完成记录（施教机构：本机构的项目；人社局：全部），键集分页' })
  trainingCompletions(@Ctx() ctx: Context, @Args() page: PageArgs, @Arg('projectId', () => ID) projectId: string) {
    return this.projects.completionsOf(ctx, projectId, page);
  }
}
