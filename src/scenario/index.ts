/**
 * Scenario files: load (YAML/JSON) → schema (zod) → cross-reference checks → normalize.
 * The rest of ccsim imports scenarios only through this module and types.ts.
 */
export { readScenarioFile, buildScenario, loadScenario, readCsvColumn } from './load.js';
export { parseDuration, formatDuration, parseClockTime, intervalCount, DURATION_UNITS } from './duration.js';
export { scenarioJsonSchema } from './jsonSchema.js';
export { scenarioFileSchema, DIST_NAMES, SERVICE_LEVEL_FORMULAS, ID_PATTERN } from './schema.js';
export type { ScenarioFile, ScenarioFileInput } from './schema.js';
export { findReferenceProblems, checkReferences, type ReferenceProblem } from './crossref.js';
export { normalizeScenario, arrivalRates, DEFAULT_INTERVAL_SEC, DEFAULT_WITHIN_SEC } from './normalize.js';
export { formatPath } from './errors.js';
export { nonErlangFeatures } from './erlangFit.js';
export { LIMITS, checkLimits, checkStudySize, expectedContacts, expectedArrivals } from './limits.js';
export { expandRoster, breakOffsets, type RosterShift, type RosterBreak } from './roster.js';
export { readOpeningHours, parseClockRange } from './openingHours.js';
export { WEEKDAYS, parseDayKey, weekdayName, type WeekMap } from './weekdays.js';
export { InputError } from '../messages.js';
export type * from './types.js';
