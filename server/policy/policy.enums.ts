// GraphQL enums for the closed sets of the policy language (the engine owns the values).
import { registerEnumType } from 'type-graphql';
import { defineEnum } from '../platform/graphql-enum';
import type { ParamType, Regime, Subject, SubjectMode } from '../engine';

export const SubjectEnum = defineEnum<Subject>('Subject', '科目', { PUBLIC: '公需科目', PROFESSIONAL: '专业科目' });

export const SubjectModeEnum = defineEnum<SubjectMode>('SubjectMode', '学习形式计入的科目', {
  PUBLIC: '公需科目',
  PROFESSIONAL: '专业科目',
  SPLIT: '按规则同时计入两类科目',
  FLEXIBLE: '计入尚有缺口的科目',
});

export const RegimeEnum = defineEnum<Regime>('Regime', '计量制度', { HOURS: '学时制', CREDITS: '学分制' });

/** GraphQL names are upper case; the values are the policy language's own. */
export const ParamTypeEnum: Record<Uppercase<ParamType>, ParamType> = {
  INT: 'int',
  NUMBER: 'number',
  STRING: 'string',
  ENUM: 'enum',
  BOOL: 'bool',
  DATE: 'date',
};
registerEnumType(ParamTypeEnum, {
  name: 'ParamType',
  description: '参数类型',
  valuesConfig: {
    INT: { description: '整数' },
    NUMBER: { description: '数值' },
    STRING: { description: '文本' },
    ENUM: { description: '从可选值中选择' },
    BOOL: { description: '是/否' },
    DATE: { description: '日期 YYYY-MM-DD' },
  },
});
