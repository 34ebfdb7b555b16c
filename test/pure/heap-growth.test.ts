// HEAP_GROWTH_PERCENT (server/platform/heap-growth.ts): the same allocation pattern as a
// server under concurrent load (a live set, and batches that stay alive a little while, so
// they are promoted and die in the old generation) peaks at a smaller heap with the factor
// applied than with V8's default. Each run is a child process of its own, with the module
// compiled by swc, since the flag stays with the process that sets it.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { transform } from '@swc/core';
import { applyHeapGrowth } from '../../server/platform/heap-growth';

const run = promisify(execFile);

const LOAD = `
const v8 = require('node:v8');
require(process.argv[2]).applyHeapGrowth(Number(process.argv[3]));
const live = [];
for (let i = 0; i < 300000; i++) live.push({ a: i, b: 'x' + i });
const inFlight = [];
let peak = 0;
for (let round = 0; round < 120; round++) {
  const batch = [];
  for (let j = 0; j < 20000; j++) batch.push({ j, s: 'y' + j });
  inFlight.push(batch);
  if (inFlight.length > 8) inFlight.shift();
  peak = Math.max(peak, v8.getHeapStatistics().total_heap_size);
}
process.stdout.write(JSON.stringify({ peak, live: live.length }));
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'heap-growth-'));
  const source = await readFile(path.join(__dirname, '../../server/platform/heap-growth.ts'), 'utf8');
  const { code } = await transform(source, { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } });
  await writeFile(path.join(dir, 'heap-growth.js'), code);
  await writeFile(path.join(dir, 'load.js'), LOAD);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function peakHeap(percent: number): Promise<number> {
  const { stdout } = await run(process.execPath, [path.join(dir, 'load.js'), path.join(dir, 'heap-growth.js'), String(percent)]);
  const out = JSON.parse(stdout) as { peak: number; live: number };
  expect(out.live).toBe(300000);
  return out.peak;
}

test('a growth factor of 1.6 keeps the peak heap well below V8 default under the same load', async () => {
  const [defaultPeak, boundedPeak] = await Promise.all([peakHeap(0), peakHeap(60)]);
  // measured: about 205 MiB with the default, 112 MiB at 60 %
  expect(boundedPeak).toBeLessThan(defaultPeak * 0.75);
});

test('refuses a negative or fractional percentage, and 0 changes nothing', () => {
  expect(() => applyHeapGrowth(-1)).toThrow(RangeError);
  expect(() => applyHeapGrowth(12.5)).toThrow('whole number');
  expect(() => applyHeapGrowth(0)).not.toThrow();
});
