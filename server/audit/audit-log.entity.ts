import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ActorKind = 'ACCOUNT' | 'API_CLIENT' | 'OPERATOR' | 'SYSTEM';

@Entity({ name: 'audit_log' })
export class AuditLogEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('bigint', { insert: false }) id: string;
  @Column('timestamptz') at: Date;
  @Column('text', { name: 'request_id', nullable: true }) requestId: string | null;
  @Column('text', { name: 'actor_kind' }) actorKind: ActorKind;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId: string | null;
  @Column('text', { name: 'actor_label', nullable: true }) actorLabel: string | null;
  @Column('text') action: string;
  @Column('text', { name: 'entity_type' }) entityType: string;
  @Column('text', { name: 'entity_id' }) entityId: string;
  @Column('jsonb', { nullable: true }) before: unknown;
  @Column('jsonb', { nullable: true }) after: unknown;
}
