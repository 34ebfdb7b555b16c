"use strict";
// Binzhou (004 附件 一、(三)): a co-authored paper's hours are split evenly in whole
// hours; the remainder goes one hour each to the first authors in order.
Object.defineProperty(exports, "__esModule", { value: true });
exports.coauthorShare = coauthorShare;
exports.splitAmongAuthors = splitAmongAuthors;
/** Hours of the author at `position` (1-based) among `authors`. */
function coauthorShare(total, authors, position) {
    const n = Math.max(1, Math.floor(authors));
    const whole = Math.max(0, Math.floor(total));
    const base = Math.floor(whole / n);
    const remainder = whole - base * n;
    return base + (position >= 1 && position <= remainder ? 1 : 0);
}
/** Every author's share, first author first (15 h, 4 authors → 4, 4, 4, 3). */
function splitAmongAuthors(total, authors) {
    const n = Math.max(1, Math.floor(authors));
    const shares = [];
    for (let position = 1; position <= n; position++)
        shares.push(coauthorShare(total, n, position));
    return shares;
}
