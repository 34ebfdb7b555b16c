// Declarations: what professionals declare with evidence, the review chain up the
// organisation tree, and the decisions that record hours.
import { Declarations1733100000000 } from '../../migrations/1733100000000-declarations';
import { DeclarationCountsOnce1733400000000 } from '../../migrations/1733400000000-declaration-counts-once';
import { DeclarationFiles1733450000000 } from '../../migrations/1733450000000-declaration-files';
import { NoEmployer1733460000000 } from '../../migrations/1733460000000-no-employer';
import { ReviewQueueIndexes1733500000000 } from '../../migrations/1733500000000-review-queue-indexes';
import { DecisionsByDeclaration1733510000000 } from '../../migrations/1733510000000-decisions-by-declaration';
import { systemClock } from '../platform/clock';
import type { CapabilityModule } from '../platform/module';
import { DeclarationReviewService } from './declaration-review.service';
import { declarationError } from './declarations.errors';
import { createDeclarationLoaders } from './declarations.loaders';
import { ChainEntries } from './chain-entry';
import { CountsOnce } from './counts-once.service';
import { DeclarationContents } from './declaration-content';
import { DeclarationPreviews } from './declaration-previews';
import { DeclarationsRepository } from './declarations.repository';
import { ReviewQueueRepository } from './review-queue.repository';
import { ReviewerAids } from './reviewer-aids';
import { DeclarationsResolver, ReviewResolver } from './declarations.resolver';
import { DeclarationsService } from './declarations.service';

declare module '../platform/module' {
  interface Services {
    declarations: DeclarationsService;
    declarationReview: DeclarationReviewService;
    reviewerAids: ReviewerAids;
    declarationPreviews: DeclarationPreviews;
  }
}

export const declarationsModule: CapabilityModule = {
  name: 'declarations',
  resolvers: [DeclarationsResolver, ReviewResolver],
  createServices: (_deps, { professionals, policies, activities, completion, evidence, audit }) => {
    const repo = new DeclarationsRepository();
    const contents = new DeclarationContents(activities, evidence, systemClock);
    const declarations = new DeclarationsService(repo, professionals, policies, activities, contents, new CountsOnce(), audit, new ChainEntries(repo, policies));
    // reviewers on a declaration's chain may read the evidence it names
    const reviewerAids = new ReviewerAids(policies);
    evidence.addReadRule((ctx, fileId) => reviewerAids.canReadFile(ctx, fileId));
    return {
      declarations,
      declarationPreviews: new DeclarationPreviews(completion),
      reviewerAids,
      declarationReview: new DeclarationReviewService(repo, new ReviewQueueRepository(), declarations, policies, audit),
    };
  },
  createLoaders: createDeclarationLoaders,
  // declarations, their append-only decisions, and the activity's link to its declaration;
  // counts once: the keys a person's live declarations must differ by; the files each names (who
  // may read them); the employer type a review route may name; the queues' indexes; decisions by declaration
  migrations: [
    Declarations1733100000000,
    DeclarationCountsOnce1733400000000,
    DeclarationFiles1733450000000,
    NoEmployer1733460000000,
    ReviewQueueIndexes1733500000000,
    DecisionsByDeclaration1733510000000,
  ],
  errors: declarationError.catalog,
};
