// Where a flexible activity's hours went, and why (Binzhou's conversions count as public or
// professional hours, 004 二、(二)): "计入公需科目5学时（补足公需科目缺口），其余12学时计入专业科目".
// The text follows from the numbers alone, so it is memoised by them (most are small whole
// numbers), keeping string building out of the hot loop.

export interface Placement {
  /** Hours placed in public subjects while public was short (closing the shortfall). */
  first: number;
  /** Hours placed in professional subjects. */
  professional: number;
  /** Hours placed in public subjects after the professional room ran out. */
  again: number;
  /** Hours no room was left for (cut by the group's cap). */
  cut: number;
  /** The public shortfall when the activity was placed. */
  shortPublic: number;
}

const SMALL = 512;
const MEMO_LIMIT = 10_000;
/** The five numbers as one key (512⁵ < 2⁵³: an exact integer) → the one-note list. */
const memo = new Map<number, readonly string[]>();
const NONE: readonly string[] = Object.freeze([]);

/**
 * The explanation of a placement (see Placement; numbers as arguments: no object per call) as
 * a frozen one-note list, to be an activity's notes as it is; empty when nothing was placed.
 */
export function placementNote(first: number, professional: number, again: number, cut: number, shortPublic: number, unit: string): readonly string[] {
  if (unit !== '学时' || !isSmall(first) || !isSmall(professional) || !isSmall(again) || !isSmall(cut) || !isSmall(shortPublic)) {
    return noteOf(buildText({ first, professional, again, cut, shortPublic }, unit));
  }
  const key = (((first * SMALL + professional) * SMALL + again) * SMALL + cut) * SMALL + shortPublic;
  let note = memo.get(key);
  if (note === undefined) {
    note = noteOf(buildText({ first, professional, again, cut, shortPublic }, unit));
    if (memo.size < MEMO_LIMIT) memo.set(key, note);
  }
  return note;
}

/** The explanation of a placement; '' when there was nothing to place. */
export function placementText(p: Placement, unit: string): string {
  return placementNote(p.first, p.professional, p.again, p.cut, p.shortPublic, unit)[0] ?? '';
}

function noteOf(text: string): readonly string[] {
  return text === '' ? NONE : Object.freeze([text]);
}

function isSmall(n: number): boolean {
  return n >= 0 && n < SMALL && Number.isInteger(n);
}

function buildText({ first, professional, again, cut, shortPublic }: Placement, unit: string): string {
  const hours = first + professional + again + cut;
  if (!(hours > 0)) return '';
  const parts: string[] = [];
  if (first > 0) {
    if (first >= shortPublic) parts.push(`计入公需科目${first}${unit}（补足公需科目缺口）`);
    else if (first === hours) parts.push(`全部${first}${unit}计入公需科目（公需科目尚缺${shortPublic}${unit}）`);
    else parts.push(`计入公需科目${first}${unit}（公需科目尚有缺口，但可抵公需科目的额度已用完）`);
  }
  if (professional > 0) {
    if (first > 0) parts.push(`其余${professional}${unit}计入专业科目`);
    else if (shortPublic > 0) parts.push(`可抵公需科目的额度已用完，${professional}${unit}计入专业科目`);
    else parts.push(`公需科目已无缺口，${professional}${unit}计入专业科目`);
  }
  if (again > 0) parts.push(`可抵专业科目的额度已用完，${first > 0 || professional > 0 ? '另' : ''}${again}${unit}计入公需科目`);
  if (cut > 0) parts.push(parts.length > 0 ? `超出合计可抵上限的${cut}${unit}不计入` : `合计可抵额度已用完，${cut}${unit}不计入`);
  return parts.join('，');
}
