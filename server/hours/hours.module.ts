// Hours: recorded activities, completion of a year, title eligibility, certified years,
// who is short, the completion statistics of an official's scope, and what a policy
// change would do to them (policy impact preview).
import { Hours1732400000000 } from '../../migrations/1732400000000-hours';
import { systemClock } from '../platform/clock';
import type { CapabilityModule } from '../platform/module';
import { ActivitiesService } from './activities.service';
import { CertificationService } from './certification.service';
import { CompletionService } from './completion.service';
import { EligibilityService } from './eligibility.service';
import { hoursError } from './hours.errors';
import { HoursRepository } from './hours.repository';
import { ApplicationEligibilityResolver, HoursResolver } from './hours.resolver';
import { PolicyImpactRepository } from './policy-impact.repository';
import { PolicyImpactResolver } from './policy-impact.resolver';
import { PolicyImpactService } from './policy-impact.service';
import { ShortfallService } from './shortfall.service';
import { StatisticsRepository } from './statistics.repository';
import { StatisticsResolver } from './statistics.resolver';
import { StatisticsService } from './statistics.service';

declare module '../platform/module' {
  interface Services {
    activities: ActivitiesService;
    completion: CompletionService;
    eligibility: EligibilityService;
    certification: CertificationService;
    shortfalls: ShortfallService;
    statistics: StatisticsService;
    policyImpact: PolicyImpactService;
  }
}

export const hoursModule: CapabilityModule = {
  name: 'hours',
  resolvers: [HoursResolver, ApplicationEligibilityResolver, StatisticsResolver, PolicyImpactResolver],
  createServices: ({ config, metrics }, { policies, professionals, audit, titleApplications, calendar, integrity, organisations, movedYears }) => {
    const repo = new HoursRepository();
    const completion = new CompletionService(repo, policies, systemClock, calendar, metrics);
    return {
      activities: new ActivitiesService(repo, professionals, policies, systemClock, calendar),
      completion,
      eligibility: new EligibilityService(repo, policies, titleApplications, systemClock, calendar, integrity, movedYears, metrics),
      certification: new CertificationService(repo, completion, policies, professionals, audit),
      shortfalls: new ShortfallService(repo, policies, systemClock, calendar),
      statistics: new StatisticsService(repo, new StatisticsRepository(), policies, organisations, systemClock, calendar, config.STATISTICS_MAX_PEOPLE),
      policyImpact: new PolicyImpactService(repo, new PolicyImpactRepository(), policies, systemClock, calendar, config.POLICY_IMPACT_MAX_PEOPLE),
    };
  },
  // policy revisions, activities, certified years and the integrity record (its service: integrity/)
  migrations: [Hours1732400000000],
  errors: hoursError.catalog,
};
