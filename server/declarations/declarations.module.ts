// Declarations: what professionals declare with evidence, the review chain up the
// organisation tree, and the decisions that record hours.
import { Declarations1733100000000 } from '../../migrations/1733100000000-declarations';
import { ReviewQueueIndexes1733500000000 } from '../../migrations/1733500000000-review-queue-indexes';
import { systemClock } from '../platform/clock';
import type { CapabilityModule } from '../platform/module';
import { DeclarationReviewService } from './declaration-review.service';
import { declarationError } from './declarations.errors';
import { createDeclarationLoaders } from './declarations.loaders';
import { ChainEntries } from './chain-entry';
import { DeclarationsRepository } from './declarations.repository';
import { ReviewQueueRepository } from './review-queue.repository';
import { DeclarationsResolver, ReviewResolver } from './declarations.resolver';
import { DeclarationsService } from './declarations.service';

declare module '../platform/module' {
  interface Services {
    declarations: DeclarationsService;
    declarationReview: DeclarationReviewService;
  }
}

export const declarationsModule: CapabilityModule = {
  name: 'declarations',
  resolvers: [DeclarationsResolver, ReviewResolver],
  createServices: (_deps, { professionals, policies, activities, completion, evidence, audit }) => {
    const repo = new DeclarationsRepository();
    const declarations = new DeclarationsService(repo, professionals, policies, activities, completion, evidence, audit, systemClock, new ChainEntries(repo, policies));
    return { declarations, declarationReview: new DeclarationReviewService(repo, new ReviewQueueRepository(), declarations, policies, audit) };
  },
  createLoaders: createDeclarationLoaders,
  // declarations, their append-only decisions, and the activity's link to its declaration; the queues' indexes
  migrations: [Declarations1733100000000, ReviewQueueIndexes1733500000000],
  errors: declarationError.catalog,
};
