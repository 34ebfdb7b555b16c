// A statement preceded by the session switch to a request's tenant settings, in one round
// trip (request-db.ts): a subclass of pg's Query that writes the switch's Bind/Execute before
// the statement's own messages.
import { Query, type QueryConfig, type QueryResult } from 'pg';

/** The name the session switch (request-db.ts, SESSION_SETTINGS) is prepared under on each connection. */
export const SESSION_SETTINGS_NAME = 'ce_session_settings';

/** The parts of `pg`'s Query (8.x) that WithSettings builds on: its extended-protocol messages. */
interface ProtocolConnection {
  bind(config: { statement: string; values: unknown[] }): void;
  describe(config: { type: 'P'; name: string }): void;
  execute(config: { portal: string }): void;
}
export type QueryCallback = (error: Error | undefined, results: QueryResult | QueryResult[] | undefined) => void;
const PgQuery = Query as unknown as new (config: QueryConfig, callback: QueryCallback) => { prepare(connection: ProtocolConnection): void };

/**
 * A statement preceded by the session switch (SESSION_SETTINGS, already prepared on the
 * connection), both before one Sync: one round trip and one implicit transaction. The
 * callback receives both results (pg's multi-result shape); the statement's is the last.
 */
export class WithSettings extends PgQuery {
  constructor(
    config: QueryConfig,
    private readonly settings: string[],
    callback: QueryCallback,
  ) {
    super(config, callback);
  }

  /** Always the extended protocol, even for a statement without name or values. */
  requiresPreparation(): boolean {
    return true;
  }

  override prepare(connection: ProtocolConnection): void {
    connection.bind({ statement: SESSION_SETTINGS_NAME, values: this.settings });
    connection.describe({ type: 'P', name: '' });
    connection.execute({ portal: '' });
    super.prepare(connection);
  }
}
