import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Review-queue indexes (issue 11), chosen with EXPLAIN over a generated tenant of 1,000,000
 * professionals and 10,000,000 declarations (bench/review-queue.bench.ts):
 * - `declaration_queue_by_unit`: a queue filtered by the declarant's unit (a bureau or a
 *   department looking at one unit). The level's queue index walks the whole level's queue in
 *   queue order and checks each row's unit; one unit's are a few thousandths of a bureau's.
 *   Led by the unit, the page reads that unit's rows of the state in queue order.
 */
export class ReviewQueueIndexes1733500000000 implements MigrationInterface {
  name = 'ReviewQueueIndexes1733500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX declaration_queue_by_unit ON declaration (tenant_id, unit_id, status, step, queue_no)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS declaration_queue_by_unit`);
  }
}
