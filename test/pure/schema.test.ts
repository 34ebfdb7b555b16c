import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderSchema } from '../../server/tools/print-schema';

describe('schema/schema.graphql', () => {
  it('matches the schema built from the code (run `npm run schema:print` after an API change)', async () => {
    const committed = readFileSync(path.resolve(__dirname, '../../schema/schema.graphql'), 'utf8');
    expect(committed).toBe(await renderSchema());
  });
});
