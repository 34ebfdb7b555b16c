// The values a policy document is made of: subjects, regimes and declaration parameters.
// Apart from policy.types so that rule types (rules/) can use them while policy.types
// collects the rule types' specs, with no import going both ways.

export type Subject = 'PUBLIC' | 'PROFESSIONAL';
/** SPLIT: the rule itself yields hours in both subjects; FLEXIBLE: allocated where a shortfall is. */
export type SubjectMode = Subject | 'SPLIT' | 'FLEXIBLE';
export type Regime = 'HOURS' | 'CREDITS';
export type ParamValue = string | number | boolean | null;
export type ParamType = 'int' | 'number' | 'string' | 'enum' | 'bool' | 'date';

export interface EnumOption {
  value: string;
  label: string;
}

/** One declaration field of an activity kind; drives forms and validation. */
export interface ParamSpec {
  name: string;
  type: ParamType;
  label: string;
  required: boolean;
  values?: EnumOption[];
  min?: number;
  max?: number;
}
