// Names a policy may not give a kind, group, source or parameter: the properties every
// JavaScript object has (constructor, toString, __proto__…). Such a name would read as
// "present" on any object that lacks it, or (__proto__) vanish or replace an object's
// prototype when the policy is parsed; refused in files and in publishing alike.

const RESERVED: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype', '__proto__']);

export function isReservedName(name: string): boolean {
  return RESERVED.has(name);
}

export function reservedNameMessage(name: string): string {
  return `不能使用保留名称“${name}”（与对象的内置属性同名），请换一个名称`;
}

/**
 * Paths of every "__proto__" key in raw input (parsed YAML or JSON): the schema's records
 * would drop such a key without a word, so it is looked for before they see it.
 */
export function protoKeyPaths(raw: unknown, path: (string | number)[] = [], found: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(raw)) {
    raw.forEach((v, i) => protoKeyPaths(v, [...path, i], found));
  } else if (raw !== null && typeof raw === 'object') {
    for (const key of Object.keys(raw)) {
      if (key === '__proto__') found.push([...path, key]);
      else protoKeyPaths((raw as Record<string, unknown>)[key], [...path, key], found);
    }
  }
  return found;
}
