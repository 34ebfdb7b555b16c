"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.compileCondition = compileCondition;
const slots_1 = require("./slots");
const working_days_1 = require("./working-days");
function compileCondition(c, slotOf) {
    const check = compileCheck(c, slotOf);
    const when = c.when;
    if (!when)
        return check;
    const whenSlot = slotOf(when.param);
    const among = when.in;
    return (s) => (among.includes(s[whenSlot]) ? check(s) : null);
}
function compileCheck(c, slotOf) {
    const message = c.message;
    const slot = slotOf(c.param);
    switch (c.check) {
        case 'min': {
            const value = c.value;
            return c.exclusive
                ? (s) => ((0, slots_1.toNumber)(s[slot]) > value ? null : message)
                : (s) => ((0, slots_1.toNumber)(s[slot]) >= value ? null : message);
        }
        case 'max': {
            const value = c.value;
            return (s) => ((0, slots_1.toNumber)(s[slot]) <= value ? null : message);
        }
        case 'equals': {
            const value = c.value;
            return (s) => (s[slot] === value ? null : message);
        }
        case 'notIn': {
            const values = c.values;
            return (s) => (!values.includes(String(s[slot])) ? null : message);
        }
        case 'workingDaysBefore': {
            // Jining (002 五、): training projects filed at least 5 working days before they start.
            const before = slotOf(c.beforeParam);
            const days = c.days;
            return (s) => {
                const filed = s[slot];
                const start = s[before];
                if (typeof filed !== 'string' || typeof start !== 'string' || !(0, working_days_1.isValidDate)(filed) || !(0, working_days_1.isValidDate)(start))
                    return message;
                return (0, working_days_1.workingDaysBetweenValid)(filed, start) >= days ? null : message;
            };
        }
    }
}
