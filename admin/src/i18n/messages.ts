// Every message tree of the console, merged per language. A resource folder adds
// its messages.ts here (one import, one line in each list).
import { appMessages } from './app-messages';
import { apiClientsMessages } from '../apiClients/messages';
import { auditEventsMessages } from '../auditEvents/messages';
import { policyMessages } from '../policy/messages';
import { integrityRecordsMessages } from '../integrityRecords/messages';
import { spotChecksMessages } from '../spotChecks/messages';
import { trainingProjectsMessages } from '../trainingProjects/messages';
import { mergeMessages, type MessageTree } from './merge';
import { declarationsMessages } from '../declarations/messages';
import { reviewsMessages } from '../reviews/messages';
import { professionalsMessages } from '../professionals/messages';
import { organisationsMessages } from '../organisations/messages';
import { accountsMessages } from '../accounts/messages';
import { shortfallsMessages } from '../shortfalls/messages';
import { tenantsMessages } from '../tenants/messages';
import { myMessages } from '../my/messages';
import { dashboardMessages } from '../dashboard/messages';
import { certificatesMessages } from '../certificates/messages';
import { exportMessages } from '../shared/export-messages';
import { notificationsMessages } from '../notifications/messages';
import { staffImportMessages } from '../staffImport/messages';
import { registrationMessages } from '../shared/registration-messages';
import { signUpMessages } from '../signUp/messages';
import { registrationsMessages } from '../registrations/messages';
import { organisationApplicationsMessages } from '../organisationApplications/messages';
import { moveRequestsMessages } from '../moveRequests/messages';
import { moveConsentsMessages } from '../moveConsents/messages';
import { movedYearsMessages } from '../movedYears/messages';

const trees: { zh: MessageTree; en: MessageTree }[] = [
  appMessages,
  declarationsMessages,
  reviewsMessages,
  professionalsMessages,
  organisationsMessages,
  accountsMessages,
  shortfallsMessages,
  tenantsMessages,
  myMessages,
  dashboardMessages,
  policyMessages,
  spotChecksMessages,
  integrityRecordsMessages,
  trainingProjectsMessages,
  apiClientsMessages,
  auditEventsMessages,
  certificatesMessages,
  exportMessages,
  notificationsMessages,
  staffImportMessages,
  registrationMessages,
  signUpMessages,
  registrationsMessages,
  organisationApplicationsMessages,
  moveRequestsMessages,
  moveConsentsMessages,
  movedYearsMessages,
];

export const consoleMessages = {
  zh: mergeMessages(...trees.map((t) => t.zh)),
  en: mergeMessages(...trees.map((t) => t.en)),
};
