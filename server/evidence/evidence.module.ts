// Evidence: uploaded files (PDF, JPEG, PNG) that back declarations, their
// object storage, and the upload and download routes.
import { EvidenceFiles1733000000000 } from '../../migrations/1733000000000-evidence-files';
import { systemClock } from '../platform/clock';
import type { Config } from '../platform/config';
import { LocalStorage } from '../platform/local-storage';
import type { CapabilityModule } from '../platform/module';
import { S3Storage } from '../platform/s3-storage';
import type { ObjectStorage } from '../platform/storage';
import { evidenceError } from './evidence.errors';
import { createEvidenceLoaders } from './evidence.loaders';
import { EvidenceRepository } from './evidence.repository';
import { EvidenceResolver } from './evidence.resolver';
import { createEvidenceRoutes } from './evidence.routes';
import { EvidenceService } from './evidence.service';

declare module '../platform/module' {
  interface Services {
    evidence: EvidenceService;
  }
}

/** The store EVIDENCE_STORE names: a folder (EVIDENCE_DIR) or an S3-compatible bucket. */
export function evidenceStorage(config: Config): ObjectStorage {
  if (config.EVIDENCE_STORE === 'local') return new LocalStorage(config.EVIDENCE_DIR);
  return new S3Storage({
    endpoint: config.S3_ENDPOINT,
    bucket: config.S3_BUCKET ?? '',
    region: config.S3_REGION ?? '',
    accessKeyId: config.S3_ACCESS_KEY_ID,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
  });
}

export const evidenceModule: CapabilityModule = {
  name: 'evidence',
  resolvers: [EvidenceResolver],
  createServices: ({ runtime, config }) => ({
    evidence: new EvidenceService(
      new EvidenceRepository(),
      evidenceStorage(config),
      runtime,
      { maxBytes: config.EVIDENCE_MAX_BYTES, dailyUploads: config.EVIDENCE_DAILY_UPLOADS },
      systemClock,
    ),
  }),
  createLoaders: createEvidenceLoaders,
  createRoutes: createEvidenceRoutes,
  // evidence_file and the daily upload counter
  migrations: [EvidenceFiles1733000000000],
  errors: evidenceError.catalog,
};
