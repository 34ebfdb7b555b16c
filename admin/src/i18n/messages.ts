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

const trees: { zh: MessageTree; en: MessageTree }[] = [appMessages, policyMessages, spotChecksMessages, integrityRecordsMessages, trainingProjectsMessages, apiClientsMessages, auditEventsMessages];

export const consoleMessages = {
  zh: mergeMessages(...trees.map((t) => t.zh)),
  en: mergeMessages(...trees.map((t) => t.en)),
};
