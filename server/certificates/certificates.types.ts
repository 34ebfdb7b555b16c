// The GraphQL surface of certificates: the certificate (a snapshot, with its state read
// when asked), the issue input, the list and what a person may be issued.
import { ArrayMaxSize, ArrayUnique, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { Regime } from '../engine';
import type { TitleLevel, TitleRoute } from '../engine/titles';
import { defineEnum } from '../platform/graphql-enum';
import { ConnectionType } from '../platform/pagination';
import { RegimeEnum } from '../policy/policy.enums';
import { TitleLevelEnum } from '../professionals/title-enums';
import { TitleRouteEnum } from '../titles/titles.types';
import type { CertificateScope } from './certificate-record';

export type CertificateStatus = 'VALID' | 'REVOKED';

export const CertificateStatusEnum = defineEnum<CertificateStatus>('CertificateStatus', '证书状态', {
  VALID: '有效',
  REVOKED: '已撤销：所依据的学时已被撤销（认定虚假申报或抽查不合格）',
});

export const CertificateScopeEnum = defineEnum<CertificateScope>('CertificateScope', '证书的年度范围（由本地政策规定）', {
  YEAR: '每年度一份（如济宁市学时证明）',
  TITLE_WINDOW: '按职称评审要求的年限一份，不单独核发每年度（如滨州市继续教育合格证）',
});

@ObjectType({ description: '证书中的一个年度（认定时的结果）' })
export class CertificateYearLine {
  @Field(() => Int) year: number;
  @Field(() => RegimeEnum, { description: '学时制或学分制（滨州市2019年度及以前）' }) regime: Regime;
  @Field(() => Float, { description: '公需科目学时（学分）' }) publicHours: number;
  @Field(() => Float, { description: '专业科目学时（学分）' }) professionalHours: number;
  @Field(() => Float, { description: '合计' }) totalHours: number;
  @Field({ description: '该年度是否达标' }) complete: boolean;
  @Field(() => Int, { description: '该年度认定所依据的政策发布序号' }) policyRevision: number;
}

@ObjectType({ description: '继续教育学时证明（合格证）：出具时的不可变快照；状态在读取时计算' })
export class Certificate {
  @Field(() => ID) id: string;
  @Field(() => ID) professionalId: string;
  @Field({ description: '验证码（26位），公开核验页面 /verify/<验证码>' }) code: string;
  @Field(() => CertificateScopeEnum) scope: CertificateScope;
  @Field({ description: '证书名称' }) title: string;
  @Field({ description: '持证人姓名' }) holderName: string;
  @Field({ description: '身份证号（出具时即已脱敏保存）' }) idNumber: string;
  @Field(() => [Int]) years: number[];
  @Field(() => [CertificateYearLine]) lines: CertificateYearLine[];
  @Field({ description: '发证机关（本地人社局）' }) issuingBody: string;
  @Field({ description: '发证日期 YYYY-MM-DD（北京时间）' }) issuedOn: string;
  @Field(() => [Int], { description: '所依据的政策发布序号' }) policyRevisions: number[];
  @Field(() => TitleLevelEnum, { nullable: true, description: '按职称评审年限核发时：拟申报级别' }) targetLevel: TitleLevel | null;
  @Field(() => Int, { nullable: true, description: '按职称评审年限核发时：申报年度' }) applicationYear: number | null;
  @Field(() => GraphQLISODateTime) issuedAt: Date;
  @Field(() => CertificateStatusEnum) status: CertificateStatus;
  @Field(() => GraphQLISODateTime, { nullable: true, description: '撤销时间：所依据的学时第一次被撤销的时间' }) revokedAt: Date | null;
  @Field({ description: 'PDF 下载地址（需登录：Authorization: Bearer）' }) downloadUrl: string;
  @Field({ description: '公开核验页面地址（未配置 PUBLIC_BASE_URL 时为路径）' }) verifyUrl: string;
}

@ObjectType({ description: '证书列表（新出具的在前，键集分页）' })
export class CertificateConnection extends ConnectionType(Certificate, 'Certificate') {}

@ObjectType({ description: '已认定的年度' })
export class CertifiedYearView {
  @Field(() => Int) year: number;
  @Field() complete: boolean;
}

@ObjectType({ description: '某人可申请的证书：本地政策的规定与已认定的年度' })
export class CertificateOptions {
  @Field(() => CertificateScopeEnum) scope: CertificateScope;
  @Field() title: string;
  @Field({ description: '是否只证明达标的年度' }) requireComplete: boolean;
  @Field({ description: '政策依据' }) source: string;
  @Field(() => [CertifiedYearView], { description: '已认定（未撤销）的年度，新的在前' }) certifiedYears: CertifiedYearView[];
}

@InputType({ description: '出具证书：每年度一份的地区填 years（一个年度）；按职称评审年限核发的地区填 targetLevel 与 applicationYear（years 可省略，填写时须与评审年限完全一致）' })
export class IssueCertificateInput {
  @Field(() => ID, { nullable: true, description: '专业技术人员；本人申请时省略' }) professionalId?: string | null;
  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsInt({ each: true })
  years?: number[] | null;
  @Field(() => TitleLevelEnum, { nullable: true }) targetLevel?: TitleLevel | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @Min(1990) @Max(2100) applicationYear?: number | null;
  @Field(() => TitleRouteEnum, { nullable: true, description: '申报途径，缺省为正常评审' }) route?: TitleRoute | null;
}
