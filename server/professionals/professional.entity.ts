import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TitleLevel } from '../platform/titles';

export type ProfessionalStatus = 'ACTIVE' | 'LEFT' | 'RETIRED';
export type Gender = 'MALE' | 'FEMALE';

@Entity({ name: 'professional' })
export class ProfessionalEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'id_number' }) idNumber: string;
  @Column('text') name: string;
  @Column('text') gender: Gender;
  @Column('date', { name: 'birth_date' }) birthDate: string;
  @Column('uuid', { name: 'unit_id' }) unitId: string;
  @Column('text', { name: 'unit_path' }) unitPath: string;
  @Column('text', { name: 'title_level' }) titleLevel: TitleLevel;
  @Column('text', { name: 'title_series' }) titleSeries: string;
  @Column('text', { nullable: true }) phone: string | null;
  @Column('text') status: ProfessionalStatus;
  @Column('date', { name: 'joined_unit_on' }) joinedUnitOn: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('int') version: number;
}
