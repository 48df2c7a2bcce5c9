/**
 * The report layer loads vega and vega-lite (about 0.2 s), so commands load it only when
 * a report is asked for: `ccsim erlang` or `ccsim run` without --report start fast.
 */
export const reportWriters = () => import('../report/writeReport.js');
export const whatIfWriters = () => import('../report/whatif.js');
