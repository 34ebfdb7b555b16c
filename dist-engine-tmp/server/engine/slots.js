"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toNumber = toNumber;
/** A parameter as a number: numbers as they are, numeric text converted, anything else NaN. */
function toNumber(value) {
    if (typeof value === 'number')
        return value;
    if (typeof value === 'string' && value.trim() !== '')
        return Number(value);
    return NaN;
}
