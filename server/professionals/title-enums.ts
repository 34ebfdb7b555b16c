// GraphQL enums for title levels and series, built from the engine's lists and labels.
import { TITLE_LEVEL_LABELS, TITLE_SERIES_LABELS } from '../engine/titles';
import { defineEnum } from '../platform/graphql-enum';

export const TitleLevelEnum = defineEnum('TitleLevel', '职称级别', TITLE_LEVEL_LABELS);
export const TitleSeriesEnum = defineEnum('TitleSeries', '职称系列', TITLE_SERIES_LABELS);
