import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../platform/context';
import type { Services } from '../platform/module';
import { PageArgs } from '../platform/pagination';
import type { StaffImportConfirmService } from './staff-import-confirm.service';
import type { StaffImportsService } from './staff-imports.service';
import { StaffImport, StaffImportConnection, StaffImportMode, StaffImportRowErrorConnection } from './staff-imports.types';

@Resolver(() => StaffImport)
export class StaffImportsResolver {
  private readonly imports: StaffImportsService;
  private readonly confirmation: StaffImportConfirmService;
  constructor(services: Services) {
    this.imports = services.staffImports;
    this.confirmation = services.staffImportConfirmation;
  }

  @Authorized()
  @Query(() => StaffImport, { nullable: true, description: '本人的一次人员导入：预检结果与导入结果（上传用 POST /staff-imports）' })
  staffImport(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return this.imports.findOne(ctx, id);
  }

  @Authorized()
  @Query(() => StaffImportConnection, { description: '本人的人员导入任务（新上传的在前），键集分页' })
  staffImports(@Ctx() ctx: Context, @Args() page: PageArgs) {
    return this.imports.findMine(ctx, page);
  }

  @FieldResolver(() => StaffImportRowErrorConnection, { description: '预检发现的问题，按行、列排序（键集分页）' })
  errors(@Root() job: StaffImport, @Ctx() ctx: Context, @Args() page: PageArgs) {
    return this.imports.findErrors(ctx, job, page);
  }

  @Authorized()
  @Mutation(() => StaffImport, {
    description: '确认导入：ALL 在有任何错误行时一行也不导入；VALID_ONLY 只导入无错误的行。在一个事务中完成；同一任务只能确认一次',
  })
  confirmStaffImport(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('mode', () => StaffImportMode) mode: StaffImportMode) {
    return this.confirmation.confirm(ctx, id, mode);
  }
}
