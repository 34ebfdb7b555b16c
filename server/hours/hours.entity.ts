import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'policy_revision' })
export class PolicyRevisionEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('int') revision: number;
  @Column('jsonb') document: unknown;
  @Column('text', { nullable: true }) note: string | null;
  @Column('uuid', { name: 'published_by', nullable: true }) publishedBy: string | null;
  @Column('timestamptz', { name: 'published_at' }) publishedAt: Date;
}

@Entity({ name: 'activity' })
export class ActivityEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'professional_id' }) professionalId: string;
  @Column('text') kind: string;
  @Column('int') year: number;
  @Column('date', { name: 'occurred_on', nullable: true }) occurredOn: string | null;
  @Column('jsonb') params: Record<string, unknown>;
  @Column('text') source: string;
  @Column('uuid', { name: 'recorded_by', nullable: true }) recordedBy: string | null;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
}

@Entity({ name: 'year_certification' })
export class YearCertificationEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid', { name: 'professional_id' }) professionalId: string;
  @PrimaryColumn('int') year: number;
  @Column('uuid', { name: 'policy_revision_id' }) policyRevisionId: string;
  @Column('boolean') complete: boolean;
  @Column('jsonb') result: unknown;
  @Column('uuid', { name: 'certified_by', nullable: true }) certifiedBy: string | null;
  @Column('timestamptz', { name: 'certified_at' }) certifiedAt: Date;
}

@Entity({ name: 'integrity_record' })
export class IntegrityRecordEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'professional_id' }) professionalId: string;
  @Column('date', { name: 'from_date' }) fromDate: string;
  @Column('date', { name: 'to_date' }) toDate: string;
  @Column('text') reason: string;
}
