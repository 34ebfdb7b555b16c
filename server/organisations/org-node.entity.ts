import { Column, Entity, PrimaryColumn } from 'typeorm';

export type OrgKind = 'BUREAU' | 'DEPARTMENT' | 'UNIT';

@Entity({ name: 'org_node' })
export class OrgNodeEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column({ type: 'bigint', name: 'node_no', insert: false, update: false }) nodeNo: string;
  @Column('uuid', { name: 'parent_id', nullable: true }) parentId: string | null;
  @Column('text') kind: OrgKind;
  @Column('text') name: string;
  @Column('text', { nullable: true }) code: string | null;
  @Column('text') path: string;
  @Column('int') depth: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('int') version: number;
}
