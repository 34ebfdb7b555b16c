// The editor's draft: the editable numbers of a version as text by path
// ("kinds.paper.caps.perYear"), and the PublishPolicyVersionInput they make.
// Paths are the version's own, so a server error's field ("version.<path>")
// lands on its input.
import type { Policy, PublishInput, Version } from './data';

export interface NumberField {
  path: string;
  /** an empty optional field is removed from the version (no cap) */
  optional: boolean;
}

/** Every number the editor offers for a version. */
export function editableFields(v: Version): NumberField[] {
  const fields: NumberField[] = [
    { path: 'requirement.PUBLIC', optional: false },
    { path: 'requirement.PROFESSIONAL', optional: false },
  ];
  for (const g of Object.keys(v.groups ?? {})) {
    fields.push({ path: `groups.${g}.caps.PUBLIC`, optional: true }, { path: `groups.${g}.caps.PROFESSIONAL`, optional: true });
  }
  for (const [code, k] of Object.entries(v.kinds)) {
    fields.push({ path: `kinds.${code}.caps.perYear`, optional: true }, { path: `kinds.${code}.caps.lifetime`, optional: true });
    if (k.rule.type === 'fixed') fields.push({ path: `kinds.${code}.rule.hours`, optional: false });
    // a per-day limit needs the days the activity took
    if (k.rule.type === 'actualHours' && k.rule.daysParam) fields.push({ path: `kinds.${code}.rule.maxPerDay`, optional: true });
  }
  return fields;
}

function get(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, key) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined), obj);
}

function set(obj: Record<string, unknown>, path: string, value: number | undefined): void {
  const keys = path.split('.');
  let o = obj;
  for (const key of keys.slice(0, -1)) {
    if (!o[key] || typeof o[key] !== 'object') o[key] = {};
    o = o[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete o[last];
  else o[last] = value;
}

export interface Draft {
  fromYear: string;
  numbers: Record<string, string>;
  deadline: string;
  deadlineSource: string;
  note: string;
}

export function initialDraft(policy: Policy): Draft {
  const numbers: Record<string, string> = {};
  for (const f of editableFields(policy.version)) {
    const value = get(policy.version, f.path);
    numbers[f.path] = typeof value === 'number' ? String(value) : '';
  }
  return { fromYear: String(policy.fromYear), numbers, deadline: policy.deadline, deadlineSource: policy.deadlineSource, note: '' };
}

/** Problems the console can see before asking the server, by field ("fromYear", a number's path, "deadline.source"). */
export function checkDraft(policy: Policy, draft: Draft): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const f of editableFields(policy.version)) {
    const text = draft.numbers[f.path]?.trim() ?? '';
    if (text === '' && f.optional) continue;
    const n = Number(text);
    if (text === '' || !Number.isFinite(n) || n < 0) problems[f.path] = 'app.policy.editor.not_a_number';
  }
  const fromYear = Number(draft.fromYear);
  if (!Number.isInteger(fromYear) || fromYear < policy.fromYear || fromYear > 2100) problems.fromYear = 'app.policy.editor.bad_from_year';
  if (draft.deadline !== policy.deadline) {
    if (!/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(draft.deadline)) problems['deadline.monthDay'] = 'app.policy.editor.bad_deadline';
    const key = draft.deadlineSource.trim().split(' ')[0];
    if (!policy.sources.some((s) => s.key === key) || !draft.deadlineSource.trim().includes(' ')) problems['deadline.source'] = 'app.policy.editor.bad_citation';
  }
  return problems;
}

/** The version the draft makes (a copy; the policy's own is untouched). */
export function draftVersion(policy: Policy, draft: Draft): Version {
  const version = structuredClone(policy.version) as Version & Record<string, unknown>;
  for (const f of editableFields(policy.version)) {
    const text = draft.numbers[f.path]?.trim() ?? '';
    set(version, f.path, text === '' ? undefined : Number(text));
  }
  // a kind with neither cap left has no caps object (the schema wants at least a number in it)
  for (const kind of Object.values(version.kinds)) if (kind.caps && Object.keys(kind.caps).length === 0) delete kind.caps;
  version.fromYear = Number(draft.fromYear);
  return version;
}

/** The publication input, or null when the draft changes nothing. */
export function draftInput(policy: Policy, draft: Draft): PublishInput | null {
  const version = draftVersion(policy, draft);
  const versionChanged = JSON.stringify(version) !== JSON.stringify(policy.version);
  const deadlineChanged = draft.deadline !== policy.deadline;
  if (!versionChanged && !deadlineChanged) return null;
  const input: PublishInput = { expectedRevision: policy.revision };
  if (versionChanged) input.version = version;
  if (deadlineChanged) input.deadline = { monthDay: draft.deadline, source: draft.deadlineSource.trim() };
  if (draft.note.trim()) input.note = draft.note.trim();
  return input;
}
