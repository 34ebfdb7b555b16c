"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SUBJECT_NAMES = void 0;
exports.compulsoryLine = compulsoryLine;
exports.subjectLine = subjectLine;
exports.deemedSubjectLine = deemedSubjectLine;
exports.deemedCompleteLine = deemedCompleteLine;
exports.yearLine = yearLine;
exports.SUBJECT_NAMES = { PUBLIC: '公需科目', PROFESSIONAL: '专业科目' };
/** "公需科目中“…”须满20学时，已认定…" for one compulsory set (memoised per set by the compiler). */
function compulsoryLine(c, unit, got) {
    const status = got >= c.hours ? '已达标' : `尚缺${c.hours - got}${unit}`;
    return `${exports.SUBJECT_NAMES[c.subject]}中“${c.name}”须满${c.hours}${unit}，已认定${got}${unit}，${status}（${c.source}）`;
}
// The same few lines recur across millions of evaluations; small memos keep number
// formatting out of the hot path. Keys are exact (whole numbers in a small range only),
// so a memoised line is always the line that would be built.
const MEMO_LIMIT = 100_000;
/** (subject, required) → line per credited hours, for the usual shortfall max(0, required − credited). */
const plainLines = new Map();
/** (subject, required, credited) → line per shortfall, when a compulsory set raises the shortfall. */
const raisedLines = new Map();
let memoised = 0;
const yearLines = new Map();
const deemedSubjectLines = { PUBLIC: new Map(), PROFESSIONAL: new Map() };
const deemedCompleteLines = new Map();
function buildSubjectLine(s, credited, required, shortfall, unit) {
    return `${exports.SUBJECT_NAMES[s]}：认定${credited}${unit}，要求不少于${required}${unit}，${shortfall > 0 ? `尚缺${shortfall}${unit}` : '已达标'}`;
}
function isSmall(n) {
    return n >= 0 && n < 4096 && Number.isInteger(n);
}
function subjectLine(s, credited, required, shortfall, unit) {
    if (unit !== '学时' || !isSmall(credited) || !isSmall(required))
        return buildSubjectLine(s, credited, required, shortfall, unit);
    const head = (s === 'PUBLIC' ? 0 : 4096) + required;
    if (shortfall === Math.max(0, required - credited)) {
        let lines = plainLines.get(head);
        if (lines === undefined) {
            lines = [];
            plainLines.set(head, lines);
        }
        let line = lines[credited];
        if (line === undefined) {
            line = buildSubjectLine(s, credited, required, shortfall, unit);
            if (memoised < MEMO_LIMIT) {
                while (lines.length < credited)
                    lines.push(undefined);
                lines[credited] = line;
                memoised++;
            }
        }
        return line;
    }
    if (!isSmall(shortfall))
        return buildSubjectLine(s, credited, required, shortfall, unit);
    const key = head * 4096 + credited;
    let byShortfall = raisedLines.get(key);
    let line = byShortfall?.get(shortfall);
    if (line === undefined) {
        line = buildSubjectLine(s, credited, required, shortfall, unit);
        if (memoised < MEMO_LIMIT) {
            if (byShortfall === undefined) {
                byShortfall = new Map();
                raisedLines.set(key, byShortfall);
            }
            byShortfall.set(shortfall, line);
            memoised++;
        }
    }
    return line;
}
function deemedSubjectLine(s, reason) {
    const memo = deemedSubjectLines[s];
    let line = memo.get(reason);
    if (line === undefined) {
        line = `${exports.SUBJECT_NAMES[s]}：视同完成（${reason}）`;
        if (memoised < MEMO_LIMIT) {
            memo.set(reason, line);
            memoised++;
        }
    }
    return line;
}
function deemedCompleteLine(reason, source, year) {
    let bySource = deemedCompleteLines.get(reason);
    let byYear = bySource?.get(source);
    let line = byYear?.get(year);
    if (line === undefined) {
        line = `${reason}（${source}），${year}年度视同完成继续教育`;
        if (memoised < MEMO_LIMIT) {
            if (bySource === undefined) {
                bySource = new Map();
                deemedCompleteLines.set(reason, bySource);
            }
            if (byYear === undefined) {
                byYear = new Map();
                bySource.set(source, byYear);
            }
            byYear.set(year, line);
            memoised++;
        }
    }
    return line;
}
function yearLine(year, complete) {
    const key = year * 2 + (complete ? 1 : 0);
    let line = yearLines.get(key);
    if (line === undefined) {
        line = complete ? `${year}年度继续教育已完成` : `${year}年度继续教育未完成`;
        if (yearLines.size < MEMO_LIMIT)
            yearLines.set(key, line);
    }
    return line;
}
