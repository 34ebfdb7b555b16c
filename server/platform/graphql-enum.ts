// A GraphQL enum whose values are their own names, each described in Chinese.
import { registerEnumType } from 'type-graphql';

export function defineEnum<K extends string>(name: string, description: string, labels: Record<K, string>): { readonly [P in K]: P } {
  const keys = Object.keys(labels) as K[];
  const values = Object.fromEntries(keys.map((k) => [k, k])) as { [P in K]: P };
  const valuesConfig = Object.fromEntries(keys.map((k) => [k, { description: labels[k] }])) as Record<K, { description: string }>;
  registerEnumType(values, { name, description, valuesConfig });
  return values;
}
