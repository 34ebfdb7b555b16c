"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.validateActivityParams = validateActivityParams;
const working_days_1 = require("./working-days");
function validateActivityParams(version, kind, params) {
    const spec = Object.prototype.hasOwnProperty.call(version.kinds, kind) ? version.kinds[kind] : undefined;
    if (!spec) {
        return [{ field: 'kind', code: 'UNKNOWN_KIND', message: `未知的学习形式：${kind}` }];
    }
    const errors = [];
    const known = new Set(spec.params.map((p) => p.name));
    for (const field of Object.keys(params)) {
        if (!known.has(field)) {
            errors.push({ field, code: 'UNKNOWN_FIELD', message: `“${spec.name}”没有“${field}”这一项` });
        }
    }
    for (const p of spec.params) {
        const error = checkParam(p, params[p.name]);
        if (error)
            errors.push(error);
    }
    return errors;
}
function checkParam(p, value) {
    if (value === undefined || value === null || value === '') {
        return p.required ? { field: p.name, code: 'REQUIRED', message: `请填写“${p.label}”` } : undefined;
    }
    switch (p.type) {
        case 'int':
        case 'number': {
            if (typeof value !== 'number' || !Number.isFinite(value) || (p.type === 'int' && !Number.isInteger(value))) {
                const what = p.type === 'int' ? '整数' : '数字';
                return { field: p.name, code: 'INVALID_TYPE', message: `“${p.label}”应为${what}` };
            }
            if (p.min !== undefined && value < p.min) {
                return { field: p.name, code: 'TOO_SMALL', message: `“${p.label}”不能小于 ${p.min}` };
            }
            if (p.max !== undefined && value > p.max) {
                return { field: p.name, code: 'TOO_LARGE', message: `“${p.label}”不能大于 ${p.max}` };
            }
            return undefined;
        }
        case 'bool':
            return typeof value === 'boolean' ? undefined : { field: p.name, code: 'INVALID_TYPE', message: `“${p.label}”应为是或否` };
        case 'string':
            return typeof value === 'string' ? undefined : { field: p.name, code: 'INVALID_TYPE', message: `“${p.label}”应为文字` };
        case 'date':
            if (typeof value !== 'string' || !(0, working_days_1.isValidDate)(value)) {
                return { field: p.name, code: 'INVALID_DATE', message: `“${p.label}”应为日期（YYYY-MM-DD）` };
            }
            return undefined;
        case 'enum': {
            const options = p.values ?? [];
            if (typeof value !== 'string' || !options.some((o) => o.value === value)) {
                const allowed = options.map((o) => o.label).join('、');
                return { field: p.name, code: 'NOT_ALLOWED', message: `“${p.label}”只能是：${allowed}` };
            }
            return undefined;
        }
    }
}
