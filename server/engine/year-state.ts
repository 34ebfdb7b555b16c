// The running state of one year's evaluation (see year-evaluator) and its reusable work
// arrays. Hot path: one state object per evaluation; the arrays are reused across them.
import type { ActivityContext } from './activity-evaluator';
import { CapLedger, newLedgerWork, type LedgerWork } from './cap-ledger';
import type { ApplicationContext, EvaluateYearInput, Exemption, ProfileInput } from './engine.types';
import { newEvidenceWork, type EvidenceWork } from './evidence-winners';
import type { CompiledKind } from './kind-compiler';
import type { CompiledPolicy, CompiledVersion } from './policy-compiler';
import type { Deemed } from './year-verdict';

/**
 * Running state of one year's evaluation; also the context its activities are evaluated in
 * (one object instead of two). The cap ledger is made on first use: most years need none.
 */
export class YearState implements ActivityContext, Deemed {
  creditedPublic = 0;
  creditedProfessional = 0;
  compulsoryPublic = 0;
  compulsoryProfessional = 0;
  exemptions: Exemption[] = [];
  YEAR: Exemption | undefined = undefined;
  PUBLIC: Exemption | undefined = undefined;
  PROFESSIONAL: Exemption | undefined = undefined;
  noRequirement: { reason: string; source: string } | undefined = undefined;
  /** Flexible activities as (index, amount) pairs in scratch.flexible, placed after all the others. */
  flexibleCount = 0;
  losers: string[] | null = null;
  private capLedger: CapLedger | null = null;
  readonly application: ApplicationContext | undefined;
  readonly titleDeadline: boolean;

  constructor(
    readonly input: EvaluateYearInput,
    readonly policy: CompiledPolicy,
    readonly version: CompiledVersion,
    readonly profile: ProfileInput,
    readonly year: number,
    readonly deadline: string,
    readonly deadlineIsYearEnd: boolean,
    readonly today: string | undefined,
    readonly hasHistory: boolean,
    readonly scratch: Scratch,
  ) {
    this.application = input.application;
    this.titleDeadline = input.deadline !== undefined && input.application !== undefined;
  }

  get ledger(): CapLedger {
    return (this.capLedger ??= new CapLedger(this.version, this.input, this.policy, this.scratch.ledger));
  }
}

/**
 * Per-evaluation work arrays, reused: taken at the start of an evaluation and handed back
 * before its verdict (the only place that evaluates other years). An evaluation that throws
 * simply does not hand them back, and the next one makes new ones.
 */
export interface Scratch {
  kinds: (CompiledKind | undefined)[];
  /** Date keys of the activities (see dateKey). */
  dates: number[];
  ordered: number[];
  flexible: number[];
  evidence: EvidenceWork;
  ledger: LedgerWork;
}

let spare: Scratch | null = null;

export function takeScratch(): Scratch {
  const s = spare;
  if (s === null) return { kinds: [], dates: [], ordered: [], flexible: [], evidence: newEvidenceWork(), ledger: newLedgerWork() };
  spare = null;
  return s;
}

/** Hands the work arrays back for the next evaluation. */
export function handBackScratch(scratch: Scratch): void {
  spare = scratch;
}
