// Plain words for a version's parts: a kind's rule, a citation. Rules come in
// the schema's types (server/policy/policy.schema.ts); the words are messages.
import type { TranslateFunction } from 'ra-core';
import type { Kind, PolicySource } from './data';

type ParamSpec = { name: string; label: string };

function paramLabel(kind: Kind, name: string | undefined): string {
  const params = (kind.params as ParamSpec[] | undefined) ?? [];
  return params.find((p) => p.name === name)?.label ?? name ?? '';
}

export function ruleText(kind: Kind, translate: TranslateFunction): string {
  const r = kind.rule;
  const label = (name: string | undefined) => paramLabel(kind, name);
  switch (r.type) {
    case 'fixed':
      return r.perParam
        ? translate('app.policy.rule.fixed_per', { hours: r.hours ?? 0, param: label(r.perParam) })
        : translate('app.policy.rule.fixed', { hours: r.hours ?? 0 });
    case 'actualHours':
      return translate('app.policy.rule.actual', { param: label(r.hoursParam) });
    case 'lookup':
      return translate('app.policy.rule.lookup', { param: label(r.param) });
    case 'table':
      return translate('app.policy.rule.table');
    case 'brackets':
      return translate('app.policy.rule.brackets', { param: label(r.param) });
    case 'proRata':
      return translate('app.policy.rule.pro_rata');
    case 'deemComplete':
      return translate('app.policy.rule.deem');
    case 'recognizedHours':
      return translate('app.policy.rule.recognized');
    default:
      return r.type;
  }
}

/** "004 三、(一)" → "滨人社信函〔2021〕7号 三、(一)" (the document's number, or its title). */
export function citeText(sources: readonly PolicySource[], citation: string | undefined): string {
  if (!citation) return '';
  const [key, ...rest] = citation.split(' ');
  const doc = sources.find((s) => s.key === key);
  if (!doc) return citation;
  return [doc.number ?? doc.title, ...rest].join(' ');
}
