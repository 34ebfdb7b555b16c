import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Review-queue indexes and a check (issue 11), chosen with EXPLAIN over a generated tenant of
 * 1,000,000 professionals and 10,000,000 declarations (bench/review-queue.bench.ts):
 * - `declaration_queue_by_unit`: a queue filtered by the declarant's unit (a bureau or a
 *   department looking at one unit). The level's queue index walks the whole level's queue in
 *   queue order and checks each row's unit; one unit's are a few thousandths of a bureau's.
 *   Led by the unit, the page reads that unit's rows of the state in queue order.
 * - the three level queue indexes carry the filter columns (INCLUDE unit, kind, title series,
 *   submission time): a filtered count (a queue's totalCount, reviewQueueCounts, up to 10,001
 *   each) is then an index-only scan. Without them, counting a bureau's waiting declarations
 *   of a rare title series or of a recent month fetched every waiting row from the table
 *   (0.8 s and 1.6 s over 200,000 waiting of 10,000,000).
 * - `declaration_recorded_step`: a recorded declaration stands at step 4 (every write that
 *   records one sets it); the queues name that step, so that the queue index, equal on
 *   (status, step), gives the recorded ones in queue order. The check keeps the queries right.
 */
export class ReviewQueueIndexes1733500000000 implements MigrationInterface {
  name = 'ReviewQueueIndexes1733500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX declaration_queue_by_unit ON declaration (tenant_id, unit_id, status, step, queue_no)`);
    for (const level of ['unit', 'department', 'bureau']) {
      await q.query(`DROP INDEX declaration_queue_${level}`);
      await q.query(
        `CREATE INDEX declaration_queue_${level} ON declaration (tenant_id, review_${level}_id, status, step, queue_no)
           INCLUDE (unit_id, kind, title_series, submitted_at) WHERE review_${level}_id IS NOT NULL`,
      );
    }
    await q.query(`ALTER TABLE declaration ADD CONSTRAINT declaration_recorded_step CHECK (status <> 'RECORDED' OR step = 4)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE declaration DROP CONSTRAINT IF EXISTS declaration_recorded_step`);
    await q.query(`DROP INDEX IF EXISTS declaration_queue_by_unit`);
    for (const level of ['unit', 'department', 'bureau']) {
      await q.query(`DROP INDEX declaration_queue_${level}`);
      await q.query(`CREATE INDEX declaration_queue_${level} ON declaration (tenant_id, review_${level}_id, status, step, queue_no) WHERE review_${level}_id IS NOT NULL`);
    }
  }
}
