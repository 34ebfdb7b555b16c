// GraphQL enums for title levels and series, built from the shared lists.
import { registerEnumType } from 'type-graphql';
import { TITLE_LEVEL_LABELS, TITLE_LEVELS, TITLE_SERIES, TITLE_SERIES_LABELS, TitleLevel, TitleSeries } from '../engine/titles';

export const TitleLevelEnum = Object.fromEntries(TITLE_LEVELS.map((l) => [l, l])) as { [K in TitleLevel]: K };
export const TitleSeriesEnum = Object.fromEntries(TITLE_SERIES.map((s) => [s, s])) as { [K in TitleSeries]: K };

registerEnumType(TitleLevelEnum, {
  name: 'TitleLevel',
  description: '职称级别',
  valuesConfig: Object.fromEntries(TITLE_LEVELS.map((l) => [l, { description: TITLE_LEVEL_LABELS[l] }])),
});
registerEnumType(TitleSeriesEnum, {
  name: 'TitleSeries',
  description: '职称系列',
  valuesConfig: Object.fromEntries(TITLE_SERIES.map((s) => [s, { description: TITLE_SERIES_LABELS[s] }])),
});
