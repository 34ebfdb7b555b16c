// Binzhou (004 附件 一、(三)): a co-authored paper's hours are split evenly in whole
// hours; the remainder goes one hour each to the first authors in order.

/** Hours of the author at `position` (1-based) among `authors`. */
export function coauthorShare(total: number, authors: number, position: number): number {
  const n = Math.max(1, Math.floor(authors));
  const whole = Math.max(0, Math.floor(total));
  const base = Math.floor(whole / n);
  const remainder = whole - base * n;
  return base + (position >= 1 && position <= remainder ? 1 : 0);
}

/** Every author's share, first author first (15 h, 4 authors → 4, 4, 4, 3). */
export function splitAmongAuthors(total: number, authors: number): number[] {
  const n = Math.max(1, Math.floor(authors));
  const shares: number[] = [];
  for (let position = 1; position <= n; position++) shares.push(coauthorShare(total, n, position));
  return shares;
}
