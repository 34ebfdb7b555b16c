import { Client } from 'pg';
import { isValidIdNumber } from '../../server/platform/id-number';
import { generateProfessionals } from '../../server/tools/generator';

const url = () => process.env.TEST_DATABASE_URL!;

describe('data generator', () => {
  it('fills a tenant with valid, unique professionals across a department → unit tree, and appends on a second run', async () => {
    const code = `gen${Date.now().toString(36)}`;
    const first = await generateProfessionals({ ownerUrl: url(), tenantCode: code, count: 3000, seed: 7, peoplePerUnit: 100, unitsPerDepartment: 10 });
    expect(first).toMatchObject({ rows: 3000, units: 30, departments: 3 });
    const second = await generateProfessionals({ ownerUrl: url(), tenantCode: code, count: 1000, seed: 7, peoplePerUnit: 100, unitsPerDepartment: 10 });
    expect(second.tenantId).toBe(first.tenantId);

    const db = new Client({ connectionString: url() });
    await db.connect();
    try {
      const rows = (await db.query(`SELECT id_number, unit_path FROM professional WHERE tenant_id = $1`, [first.tenantId])).rows;
      expect(rows).toHaveLength(4000);
      expect(new Set(rows.map((r) => r.id_number)).size).toBe(4000);
      expect(rows.every((r) => isValidIdNumber(r.id_number))).toBe(true);
      const inSync = await db.query(
        `SELECT count(*)::int AS n FROM professional p JOIN org_node o ON o.tenant_id = p.tenant_id AND o.id = p.unit_id
          WHERE p.tenant_id = $1 AND o.path = p.unit_path AND o.kind = 'UNIT' AND o.depth = 2`,
        [first.tenantId],
      );
      expect(inSync.rows[0].n).toBe(4000);
    } finally {
      await db.end();
    }
  });
});
