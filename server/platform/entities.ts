import { AccountEntity, ActivationCodeEntity, PlatformOperatorEntity } from '../accounts/account.entity';
import { ApiClientEntity } from '../api-clients/api-client.entity';
import { AuditLogEntity } from '../audit/audit-log.entity';
import { ActivityEntity, IntegrityRecordEntity, PolicyRevisionEntity, YearCertificationEntity } from '../hours/hours.entity';
import { OrgNodeEntity } from '../organisations/org-node.entity';
import { ProfessionalEntity } from '../professionals/professional.entity';
import { TenantEntity } from '../tenants/tenant.entity';

export const entities = [
  TenantEntity,
  OrgNodeEntity,
  ProfessionalEntity,
  AccountEntity,
  ActivationCodeEntity,
  PlatformOperatorEntity,
  ApiClientEntity,
  AuditLogEntity,
  PolicyRevisionEntity,
  ActivityEntity,
  YearCertificationEntity,
  IntegrityRecordEntity,
];
