export {
  computeIndicators,
  type IndicatorPeriod,
  type IndicatorResult,
  meetsCriterion,
  rupturesBySegment,
  type SegmentRuptures,
} from './compute.js';
export { type JourneySummary, JourneySummaryFold, summarise } from './journey-summary.js';
