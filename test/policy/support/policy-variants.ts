// The minimal valid policy file (fixtures/minimal-valid.yaml) with one line replaced, and the
// issues the loader reports for a text: how the policy-file tests state a broken rule.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePolicy, PolicyError, type PolicyIssue } from '../../../server/policy';

export const minimal = readFileSync(join(__dirname, '..', 'fixtures', 'minimal-valid.yaml'), 'utf8');

/** The minimal valid policy with one line replaced. */
export function variant(from: string, to: string): string {
  if (!minimal.includes(from)) throw new Error(`minimal-valid.yaml has no “${from}”`);
  return minimal.replace(from, to);
}

/** The issues of a policy text that must not load. */
export function issuesOf(text: string): PolicyIssue[] {
  try {
    parsePolicy(text, 'minimal-valid.yaml');
  } catch (err) {
    if (err instanceof PolicyError) return err.issues;
    throw err;
  }
  throw new Error('the policy loaded without error');
}
