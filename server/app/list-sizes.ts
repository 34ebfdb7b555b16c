// The expected sizes of the API's fixed lists, by `Type.field`, which the query cost
// (query-limits.ts) prices a list by. A list field without an entry costs DEFAULT_LIST_SIZE.
/**
 * The expected size of every list field that is neither a page (`first`),
 * a connection's `edges`/`nodes` (sized by the connection's `first`) nor a batch.
 * Bounds come from the policy files (tenants/*.yaml) and the engine.
 */
export const LIST_SIZES: Readonly<Record<string, number>> = {
  'Query.activityKinds': 20, // kinds of one policy year: 16 at most today
  'Policy.sources': 10, // documents one policy cites: 1 today, a revision may add one
  'Policy.calendarClosures': 10, // a tenant's own closures in its policy: none today
  'ReminderDays.daysBefore': 10, // at most 10 (policy schema)
  'ReminderDays.titleDaysBefore': 10,
  'ReviewChainView.levels': 3, // UNIT, DEPARTMENT, BUREAU
  'ReviewChainView.routes': 10, // sector routes: 2 today (Qingdao)
  'ReviewRouteView.series': 10, // title series of one route
  'ReviewRouteView.kinds': 20, // activity kinds of one route
  'ReviewRouteView.employerTypes': 5, // the EmployerType enum
  'ActivityKind.params': 8, // parameters of one kind: 6 at most today
  'ActivityParamSpec.values': 10, // options of an enum parameter
  'ApiClient.scopes': 2, // the ApiScope enum
  'Viewer.scopes': 2,
  'HoursEvaluation.exemptions': 5,
  'HoursEvaluation.creditWindows': 5,
  'HoursEvaluation.activities': 30, // one person's activities in one year
  'HoursEvaluation.reasons': 10,
  'ActivityHours.cappedBy': 3,
  'ActivityHours.notes': 5,
  'CreditWindow.years': 5,
  'TitleEligibility.yearsChecked': 5, // the window of a title rule
  'TitleEligibility.years': 5,
  'TitleEligibility.reasons': 10,
  'TitleEligibility.yearsNotChecked': 5, // at most the window of a title rule
  'TitleEligibility.excludedActivities': 50, // a year's activities after the deadline (typically a handful)
  'Professional.titleHistory': 10, // a career holds a few titles
  'Professional.movedYears': 10, // years certified elsewhere and moved here: a title window's, a few more
  'AverageCheck.years': 5,
  'Shortfall.reasons': 10, // as HoursEvaluation.reasons
  'Declaration.chain': 3, // unit, department, bureau
  'Declaration.warnings': 1, // one per DeclarationWarningCode
  'Declaration.decisions': 30, // at most 3 levels × 10 rounds (MAX_ROUNDS)
  'ReviewQueueCounts.capped': 5, // the ReviewQueueStatus enum
  'PolicyImpact.changes': 1, // at most policyImpact's `first`: priced as its page (SCAN_FIELDS)
  'Evidence.fileIds': 10, // MAX_FILES_PER_CALL
  'WorkingCalendarYear.holidays': 40, // statutory days off of one year: 33 at most (2015–2026)
  'WorkingCalendarYear.adjustedWorkdays': 12, // adjusted working weekends of one year: 12 at most
  'TrainingReportResult.rows': 1, // one answer per reported row: priced per row by the batch field (BATCH_FIELDS)
  'Query.integrityRecords': 20, // a person's entries: MAX_LISTED (one or two in practice)
  'SpotCheck.departments': 50, // a city's departments (the sampling groups); stored at the draw
  'SpotCheck.departmentIds': 50, // the departments a draw was limited to (at most 200 accepted)
  'CompletionStatistics.byOrganisation': 50, // the children of one organisation: a city's departments, or a department's units
  'CompletionStatistics.hoursByKind': 20, // as Query.activityKinds
  'CompletionStatistics.shortfallDistribution': 5, // the fixed buckets
  'PolicyFileCheck.problems': 50, // what a policy file check reports (MAX_PROBLEMS)
  'Certificate.years': 5, // one year, or a title window: 5 years at most in the policy files today
  'Certificate.lines': 5, // one per year
  'Certificate.policyRevisions': 5, // the revisions the years were certified under, and the current one
  'CertificateOptions.certifiedYears': 50, // a career's certified years (the query stops at 50)
  'RegistrationOrganisation.pathNames': 5, // the nodes above a unit: bureau, department (a sub-department at most)
  'RegistrationQueueCounts.capped': 4, // the RegistrationStatus enum
};
/** A list field added without an entry above still costs something like a list. */
export const DEFAULT_LIST_SIZE = 10;
