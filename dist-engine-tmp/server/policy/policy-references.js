"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkVersionReferences = checkVersionReferences;
function checkVersionReferences(version, ctx) {
    if (version.regime === 'CREDITS' && version.credits === undefined) {
        ctx.addIssue({ code: 'custom', path: ['credits'], message: '学分制版本必须规定 credits.windows（累计学分的年度范围）' });
    }
    for (const [code, kind] of Object.entries(version.kinds)) {
        const at = ['kinds', code];
        if (kind.group !== undefined && version.groups?.[kind.group] === undefined) {
            ctx.addIssue({ code: 'custom', path: [...at, 'group'], message: `未定义的合并上限组“${kind.group}”，应在 groups 中定义` });
        }
        const names = new Set(kind.params.map((p) => p.name));
        for (const [path, name] of referencedParams(kind)) {
            if (!names.has(name)) {
                ctx.addIssue({ code: 'custom', path: [...at, ...path], message: `引用了未声明的参数“${name}”，应在 params 中声明` });
            }
        }
        if (kind.rule.type === 'table')
            checkTable(kind.rule.table, [...at, 'rule', 'table'], ctx);
    }
}
function checkTable(table, at, ctx) {
    for (const row of table.rows) {
        const cells = table.cells[row];
        if (cells === undefined) {
            ctx.addIssue({ code: 'custom', path: [...at, 'cells', row], message: `缺少表格行“${row}”，应有 ${table.columns.join('、')} 各列（无值的格写 null）` });
            continue;
        }
        for (const column of table.columns) {
            if (!(column in cells)) {
                ctx.addIssue({ code: 'custom', path: [...at, 'cells', row, column], message: `缺少表格单元格，应为数字（无值的格写 null）` });
            }
        }
        for (const column of Object.keys(cells)) {
            if (!table.columns.includes(column)) {
                ctx.addIssue({ code: 'custom', path: [...at, 'cells', row, column], message: `表格中没有“${column}”这一列，应为 ${table.columns.join('、')} 之一` });
            }
        }
    }
    for (const row of Object.keys(table.cells)) {
        if (!table.rows.includes(row)) {
            ctx.addIssue({ code: 'custom', path: [...at, 'cells', row], message: `表格中没有“${row}”这一行，应为 ${table.rows.join('、')} 之一` });
        }
    }
}
function referencedParams(kind) {
    const refs = [];
    const r = kind.rule;
    const add = (path, name) => {
        if (name !== undefined)
            refs.push([path, name]);
    };
    switch (r.type) {
        case 'fixed':
            add(['rule', 'perParam'], r.perParam);
            break;
        case 'actualHours':
            add(['rule', 'hoursParam'], r.hoursParam);
            add(['rule', 'daysParam'], r.daysParam);
            break;
        case 'lookup':
            add(['rule', 'param'], r.param);
            break;
        case 'table':
            for (const axis of ['row', 'column']) {
                const a = r[axis];
                if ('param' in a)
                    add(['rule', axis, 'param'], a.param);
                if ('byRank' in a)
                    add(['rule', axis, 'byRank', 'rankParam'], a.byRank.rankParam);
            }
            add(['rule', 'downgrade', 'rankParam'], r.downgrade?.rankParam);
            break;
        case 'brackets':
            add(['rule', 'param'], r.param);
            break;
        case 'proRata':
            add(['rule', 'monthsParam'], r.monthsParam);
            break;
        case 'deemComplete':
            break;
    }
    (kind.conditions ?? []).forEach((c, i) => {
        add(['conditions', i, 'param'], c.param);
        if (c.check === 'workingDaysBefore')
            add(['conditions', i, 'beforeParam'], c.beforeParam);
        add(['conditions', i, 'when', 'param'], c.when?.param);
    });
    add(['split', 'authorsParam'], kind.split?.authorsParam);
    add(['split', 'positionParam'], kind.split?.positionParam);
    (kind.countsOnce?.keyParams ?? []).forEach((p, i) => add(['countsOnce', 'keyParams', i], p));
    return refs;
}
