// The start banner and the demo credentials it prints. Activation codes are
// one-time: a code already used (or replaced by a newer one, or expired) is
// checked against the database at every start and never printed again.
import type { DataSource } from 'typeorm';
import { verifyPassword } from '../accounts/passwords';
import { AccountStatus } from '../accounts/accounts.types';
import { inTransaction } from '../platform/transaction';
import { DemoRepository } from './demo.repository';

const demoRepo = new DemoRepository();

export interface DemoCredential {
  tenant: string;
  tenantName: string;
  role: string;
  username: string;
  password?: string;
  activationCode?: string;
  /** The activation code printed at first start no longer works (used, replaced or expired). */
  activationCodeUsed?: boolean;
  note: string;
}

export interface DemoInfo {
  credentials: DemoCredential[];
  file: string;
  /** The demo tenants created at this start (demo-life.ts then brings them to life). */
  seeded: string[];
}

/** Marks a pending account's note in the credentials (demo-seed writes it). */
export const PENDING_NOTE = '（待激活）';

/** The mutation each kind of demo credential signs in with. */
export const SIGN_IN_MUTATIONS = { tenant: 'signIn', activation: 'activateAccount', operator: 'operatorSignIn' } as const;

/**
 * Withholds the activation codes that no longer work: the account's live code
 * (unused, unexpired, newest) must still match the printed one, as
 * activateAccount requires.
 */
export async function checkActivationCodes(owner: DataSource, credentials: DemoCredential[]): Promise<{ credentials: DemoCredential[]; changed: boolean }> {
  const withCode = credentials.filter((c) => c.activationCode && c.tenant !== '-');
  if (!withCode.length) return { credentials, changed: false };
  const tenants = await inTransaction(owner, { tenantId: null, operator: true }, (em) => demoRepo.findTenantsByCode(em, [...new Set(withCode.map((c) => c.tenant))]));
  const live = new Set<DemoCredential>();
  const activated = new Set<DemoCredential>();
  for (const t of tenants) {
    const mine = withCode.filter((c) => c.tenant === t.code);
    const rows = await inTransaction(owner, { tenantId: t.id }, (em) => demoRepo.findActivationStates(em, t.id, mine.map((c) => c.username)));
    const byUsername = new Map(rows.map((r) => [r.username, r]));
    for (const c of mine) {
      const row = byUsername.get(c.username);
      if (row?.status === AccountStatus.ACTIVE) activated.add(c);
      if (row && row.status !== AccountStatus.DISABLED && row.codeHash && c.activationCode && (await verifyPassword(row.codeHash, c.activationCode))) live.add(c);
    }
  }
  let changed = false;
  const out = credentials.map((c) => {
    if (!c.activationCode || c.tenant === '-' || live.has(c)) return c;
    changed = true;
    const { activationCode: _used, ...rest } = c;
    const note = `${c.note.replace(PENDING_NOTE, '')}${activated.has(c) ? '（已激活）' : '（激活码已失效）'}`;
    return { ...rest, activationCodeUsed: true, note };
  });
  return { credentials: out, changed };
}

function secretOf(c: DemoCredential): string {
  if (c.password) return `password ${c.password}`;
  if (c.activationCode) return `activation code ${c.activationCode}`;
  return 'activation code no longer valid: used or replaced (not shown again)';
}

function mutationOf(c: DemoCredential): string {
  if (c.role === 'OPERATOR') return SIGN_IN_MUTATIONS.operator;
  return c.activationCode ? SIGN_IN_MUTATIONS.activation : SIGN_IN_MUTATIONS.tenant;
}

export function printBanner(url: string, demo: DemoInfo | null): void {
  const lines = [
    '',
    '继续教育平台 / continuing-education platform is running',
    `  GraphQL endpoint : ${url}/graphql`,
    `  Explorer         : ${url}/explorer`,
    `  Health           : ${url}/healthz   Readiness: ${url}/readyz`,
  ];
  if (demo && demo.credentials.length) {
    lines.push(
      '',
      `Demo accounts (also in ${demo.file}):`,
      `  officials and professionals sign in with ${SIGN_IN_MUTATIONS.tenant}(input: { tenantCode, username, password });`,
      `  a pending account is activated once with ${SIGN_IN_MUTATIONS.activation}(input: { tenantCode, username, activationCode, newPassword });`,
      `  the platform operator signs in with ${SIGN_IN_MUTATIONS.operator}(input: { username, password }).`,
      '',
    );
    for (const c of demo.credentials) {
      lines.push(`  ${c.tenant.padEnd(9)} ${c.role.padEnd(20)} ${c.username.padEnd(19)} ${mutationOf(c).padEnd(16)} ${secretOf(c)}   ${c.note}`);
    }
    if (demo.credentials.some((c) => c.activationCodeUsed)) {
      lines.push(
        '',
        '  Activation codes are one-time: a code already used is not printed again. That person signs in with the',
        '  password they chose; an official can issue a new code with issueActivationCode.',
      );
    }
  }
  lines.push('', 'Press Ctrl-C to stop.', '');
  process.stdout.write(lines.join('\n'));
}
