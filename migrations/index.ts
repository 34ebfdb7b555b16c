// Every migration, in order. Listed explicitly so the same list works from
// TypeScript (tests) and compiled JavaScript (the server).
import { Foundation1732300000000 } from './1732300000000-foundation';
import { Hours1732400000000 } from './1732400000000-hours';

export const migrations = [Foundation1732300000000, Hours1732400000000];
