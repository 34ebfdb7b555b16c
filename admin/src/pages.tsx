// The console's pages that are not lists of records, with the roles that may open them.
import type { ConsolePage } from './console';

export const pages: readonly ConsolePage[] = [];
