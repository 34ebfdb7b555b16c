// Every resource of the console, in menu order. A resource is a folder named as
// the resource (admin/src/<name>/index.ts); adding one is one line here.
import type { ConsoleResource } from './console';
import { apiClients } from './apiClients';
import { auditEvents } from './auditEvents';
import { integrityRecords } from './integrityRecords';
import { spotChecks } from './spotChecks';
import { trainingProjects } from './trainingProjects';

export const resources: readonly ConsoleResource[] = [spotChecks, integrityRecords, trainingProjects, apiClients, auditEvents];
