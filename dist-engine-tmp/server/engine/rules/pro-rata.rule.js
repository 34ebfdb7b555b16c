"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.proRataRule = void 0;
// Rule type `proRata`: a year's hours in both subjects, by month when less than a year.
// Qingdao (001 四、(四)2 and 4): aid postings, rural service, official postings abroad,
// long sick leave and maternity leave count 30 public + 60 professional hours a year,
// pro rata by month when shorter.
const memo_text_1 = require("../memo-text");
const slots_1 = require("../slots");
const rule_1 = require("./rule");
exports.proRataRule = (0, rule_1.defineRule)({
    type: 'proRata',
    params: (rule) => (0, rule_1.paramRefs)([['monthsParam'], rule.monthsParam]),
    compile(rule, { unit, slotOf }) {
        const { PUBLIC: pub, PROFESSIONAL: prof } = rule.perYear;
        const slot = slotOf(rule.monthsParam);
        const describe = (0, memo_text_1.memoText)((months) => months >= 12
            ? `全年按公需科目${pub}${unit}、专业科目${prof}${unit}认定`
            : `${months}个月，按月份比例：公需${pub}×${months}/12=${Math.floor((pub * months) / 12)}${unit}，专业${prof}×${months}/12=${Math.floor((prof * months) / 12)}${unit}`);
        return (s, out) => {
            const months = Math.min(12, Math.max(0, (0, slots_1.toNumber)(s[slot]) || 0));
            // Whole hours, rounded down: the documents give no rounding rule (product decision).
            const p = Math.floor((pub * months) / 12);
            const q = Math.floor((prof * months) / 12);
            out.hasSplit = true;
            out.splitPublic = p;
            out.splitProfessional = q;
            out.amount = p + q;
            out.text = describe(months);
        };
    },
});
