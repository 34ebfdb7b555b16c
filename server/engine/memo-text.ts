// Explanations depend on a few small numbers that repeat (hours, modules, days): building
// each string once keeps number formatting out of the hot loop. Memos are bounded, so
// memory stays small, and keyed by the exact numbers, so a memoised text is always the
// text that would be built.

/** Whole numbers below this are memoised in arrays. */
const SMALL = 256;

/** A text built from one number, memoised. */
export function memoText(build: (n: number) => string): (n: number) => string {
  // Small whole numbers (almost all of them) index an array; others go through a Map.
  const small: (string | undefined)[] = [];
  for (let i = 0; i < SMALL; i++) small.push(undefined);
  const memo = new Map<number, string>();
  return (n) => {
    if (n >= 0 && n < SMALL && (n | 0) === n) {
      let text = small[n];
      if (text === undefined) {
        text = build(n);
        small[n] = text;
      }
      return text;
    }
    let text = memo.get(n);
    if (text === undefined) {
      text = build(n);
      if (memo.size < 1024) memo.set(n, text);
    }
    return text;
  };
}

/** memoText for two numbers (e.g. days and claimed hours); bounded in total. */
export function memoText2(build: (a: number, b: number) => string): (a: number, b: number) => string {
  const memo = new Map<number, Map<number, string>>();
  let size = 0;
  // Small whole numbers index arrays (a row per first number), as in memoText.
  const rows: ((string | undefined)[] | undefined)[] = [];
  for (let i = 0; i < SMALL; i++) rows.push(undefined);
  return (a, b) => {
    if (a >= 0 && a < SMALL && (a | 0) === a && b >= 0 && b < SMALL && (b | 0) === b) {
      let row = rows[a];
      if (row === undefined) {
        row = [];
        for (let i = 0; i < SMALL; i++) row.push(undefined);
        rows[a] = row;
      }
      let text = row[b];
      if (text === undefined) {
        text = build(a, b);
        row[b] = text;
      }
      return text;
    }
    let inner = memo.get(a);
    let text = inner?.get(b);
    if (text === undefined) {
      text = build(a, b);
      if (size < 4096) {
        if (inner === undefined) {
          inner = new Map<number, string>();
          memo.set(a, inner);
        }
        inner.set(b, text);
        size++;
      }
    }
    return text;
  };
}
