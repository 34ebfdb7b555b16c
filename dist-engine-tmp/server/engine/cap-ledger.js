"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CapLedger = void 0;
exports.newLedgerWork = newLedgerWork;
const activity_evaluator_1 = require("./activity-evaluator");
const kind_compiler_1 = require("./kind-compiler");
function newLedgerWork() {
    return { kindUsed: [], groupPublic: [], groupProfessional: [] };
}
function zeroed(a, n) {
    for (let i = 0; i < n; i++)
        a[i] = 0;
    return a;
}
class CapLedger {
    version;
    input;
    policy;
    work;
    kindUsed = null;
    groupPublic = null;
    groupProfessional = null;
    evidence = null;
    constructor(version, input, policy, work = newLedgerWork()) {
        this.version = version;
        this.input = input;
        this.policy = policy;
        this.work = work;
    }
    /**
     * True when the same evidence (result, certificate) was counted in an earlier year.
     * Duplicates within the year are settled before, by evidenceLosers.
     */
    usedBefore(kind, activity, hasHistory) {
        if (!hasHistory || !kind.evidenceEver)
            return false;
        this.evidence ??= this.earlierEvidence(this.input.year);
        const key = (0, activity_evaluator_1.evidenceKey)(kind, activity);
        return key !== null && this.evidence.has(key);
    }
    /** Hours of a single-subject activity (subject: SUBJECT_PUBLIC or SUBJECT_PROFESSIONAL) that survive the kind's and its group's caps. */
    admit(kind, subject, amount, result) {
        let hours = kind.capSlot >= 0 ? this.admitKind(kind, amount, result) : amount;
        const g = kind.groupSlot;
        if (g >= 0) {
            if (this.groupPublic === null)
                this.newGroups();
            const pub = subject === kind_compiler_1.SUBJECT_PUBLIC;
            const usedList = (pub ? this.groupPublic : this.groupProfessional);
            const used = usedList[g];
            const cap = pub ? kind.groupCapPublic : kind.groupCapProfessional;
            if (cap !== undefined && used + hours > cap) {
                const allowed = Math.max(0, cap - used);
                (0, activity_evaluator_1.addCut)(result, { cap: pub ? kind.groupCapNamePublic : kind.groupCapNameProfessional, cut: hours - allowed });
                hours = allowed;
            }
            usedList[g] = used + hours;
        }
        return hours;
    }
    /**
     * Flexible hours: public while public is short, then professional, then public again.
     * Writes the placed hours into result.hoursEarned.
     */
    admitFlexible(kind, amount, shortPublic, result) {
        const hours = kind.capSlot >= 0 ? this.admitKind(kind, amount, result) : amount;
        const g = kind.groupSlot;
        let usedPub = 0;
        let usedProf = 0;
        let capPub = Infinity;
        let capProf = Infinity;
        if (g >= 0) {
            if (this.groupPublic === null)
                this.newGroups();
            usedPub = this.groupPublic[g];
            usedProf = this.groupProfessional[g];
            capPub = kind.groupCapPublic ?? Infinity;
            capProf = kind.groupCapProfessional ?? Infinity;
        }
        const roomPub = Math.max(0, capPub - usedPub);
        const roomProf = Math.max(0, capProf - usedProf);
        let toPub = Math.min(hours, shortPublic, roomPub);
        const toProf = Math.min(hours - toPub, roomProf);
        toPub += Math.min(hours - toPub - toProf, roomPub - toPub);
        const cut = hours - toPub - toProf;
        if (g >= 0) {
            if (cut > 0)
                (0, activity_evaluator_1.addCut)(result, { cap: kind.groupCapNameFlexible, cut });
            this.groupPublic[g] = usedPub + toPub;
            this.groupProfessional[g] = usedProf + toProf;
        }
        result.hoursEarned.PUBLIC = toPub;
        result.hoursEarned.PROFESSIONAL = toProf;
    }
    newGroups() {
        this.groupPublic = zeroed(this.work.groupPublic, this.version.groupCount);
        this.groupProfessional = zeroed(this.work.groupProfessional, this.version.groupCount);
    }
    admitKind(kind, amount, result) {
        let hours = amount;
        const usedList = (this.kindUsed ??= zeroed(this.work.kindUsed, this.version.cappedKindCount));
        const used = usedList[kind.capSlot];
        const perYear = kind.perYearCap;
        if (perYear !== undefined && used + hours > perYear) {
            const allowed = Math.max(0, perYear - used);
            (0, activity_evaluator_1.addCut)(result, { cap: kind.perYearCapName, cut: hours - allowed });
            hours = allowed;
        }
        const lifetime = kind.lifetimeCap;
        if (lifetime !== undefined) {
            const earlier = this.earlierAmount(kind, lifetime);
            if (earlier + used + hours > lifetime) {
                const allowed = Math.max(0, lifetime - earlier - used);
                (0, activity_evaluator_1.addCut)(result, { cap: `${kind.lifetimeCapName}（以前年度已计${earlier}）`, cut: hours - allowed });
                hours = allowed;
            }
        }
        usedList[kind.capSlot] = used + hours;
        return hours;
    }
    /** What earlier years' activities of this kind already earned (for "in total" caps). */
    earlierAmount(kind, lifetime) {
        let total = 0;
        for (const a of this.input.activities) {
            if (a.kind !== kind.code || a.year >= this.input.year)
                continue;
            const version = this.policy.versionFor(a.year);
            const earlierKind = version?.kinds.get(a.kind);
            if (!version || !earlierKind)
                continue;
            const ctx = { policy: this.policy, version, profile: this.input.profile, year: a.year, deadline: `${a.year}-12-31`, deadlineIsYearEnd: true, today: undefined };
            const out = (0, activity_evaluator_1.runActivityRule)(ctx, earlierKind, a, (0, activity_evaluator_1.newActivityResult)(a));
            if (out !== null && out.deem === null)
                total += out.amount;
        }
        return Math.min(total, lifetime);
    }
    earlierEvidence(year) {
        const keys = new Set(this.input.priorEvidenceKeys ?? []);
        for (const a of this.input.activities) {
            if (a.year >= year)
                continue;
            const kind = this.policy.versionFor(a.year)?.kinds.get(a.kind);
            if (kind === undefined || !kind.evidenceEver)
                continue;
            const key = (0, activity_evaluator_1.evidenceKey)(kind, a);
            if (key !== null)
                keys.add(key);
        }
        return keys;
    }
}
exports.CapLedger = CapLedger;
