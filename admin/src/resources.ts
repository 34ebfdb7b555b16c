// Every resource of the console, in menu order. A resource is a folder named as
// the resource (admin/src/<name>/index.ts); adding one is one line here.
import type { ConsoleResource } from './console';
import { declarations } from './declarations';
import { reviews } from './reviews';
import { professionals } from './professionals';
import { shortfalls } from './shortfalls';
import { organisations } from './organisations';
import { accounts } from './accounts';
import { tenants } from './tenants';
import { apiClients } from './apiClients';
import { auditEvents } from './auditEvents';
import { integrityRecords } from './integrityRecords';
import { spotChecks } from './spotChecks';
import { trainingProjects } from './trainingProjects';
import { registrations } from './registrations';
import { organisationApplications } from './organisationApplications';
import { moveRequests } from './moveRequests';
import { moveConsents } from './moveConsents';

export const resources: readonly ConsoleResource[] = [declarations, reviews, registrations, organisationApplications, professionals, moveRequests, moveConsents, shortfalls, organisations, accounts, spotChecks, integrityRecords, trainingProjects, apiClients, auditEvents, tenants];
