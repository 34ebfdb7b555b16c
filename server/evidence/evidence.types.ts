// GraphQL types of uploaded evidence files (证明材料). The bytes are fetched from
// `downloadUrl` (GET /uploads/:id), never through GraphQL.
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../platform/pagination';
import type { EvidenceContentType } from './file-types';

/** A stored evidence file as services see it (what `findOwnFiles` answers with). */
export interface EvidenceFileView {
  readonly id: string;
  readonly fileName: string;
  readonly contentType: EvidenceContentType;
  readonly bytes: number;
  /** SHA-256 of the bytes, lowercase hex */
  readonly sha256: string;
  readonly createdAt: Date;
  /** the account that uploaded it */
  readonly uploadedBy: string;
  /** the uploader's professional record when a professional uploaded it; null for officials */
  readonly professionalId: string | null;
}

@ObjectType('EvidenceFile', { description: '上传的证明材料文件（PDF、JPEG 或 PNG）；文件内容从 downloadUrl 下载' })
export class EvidenceFile implements EvidenceFileView {
  @Field(() => ID) id: string;
  @Field({ description: '文件名（已清理，最多 200 个字符）' }) fileName: string;
  @Field(() => String, { description: '按文件内容识别的类型：application/pdf、image/jpeg 或 image/png' }) contentType: EvidenceContentType;
  @Field(() => Int, { description: '字节数' }) bytes: number;
  @Field({ description: '文件内容的 SHA-256（十六进制小写）' }) sha256: string;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  uploadedBy: string;
  professionalId: string | null;
  /** where the bytes are kept (never shown) */
  storageKey: string;
}

@ObjectType({ description: '证明材料文件列表（键集分页，新上传的在前）' })
export class EvidenceFileConnection extends ConnectionType(EvidenceFile, 'EvidenceFile') {}
