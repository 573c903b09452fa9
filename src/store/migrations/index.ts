import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-initial.js';
import * as m0002 from './0002-events.js';
import * as m0003 from './0003-comparisons.js';
import * as m0004 from './0004-alerts.js';
import * as m0005 from './0005-deliveries.js';
import * as m0006 from './0006-search.js';
import * as m0007 from './0007-outlet-rules.js';
import * as m0008 from './0008-feed-item-cap.js';
import * as m0009 from './0009-event-snapshots.js';
import * as m0010 from './0010-alert-evaluations.js';

/** Every migration, in order. A static list (not a folder scan) so it works however the code is loaded. */
const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-events': m0002,
  '0003-comparisons': m0003,
  '0004-alerts': m0004,
  '0005-deliveries': m0005,
  '0006-search': m0006,
  '0007-outlet-rules': m0007,
  '0008-feed-item-cap': m0008,
  '0009-event-snapshots': m0009,
  '0010-alert-evaluations': m0010,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
