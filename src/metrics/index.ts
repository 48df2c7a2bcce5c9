/** Metric formulas: pure functions of a contact log, the same for simulated and imported logs. */
export * from './confidence.js';
export * from './contacts.js';
export * from './definitions.js';
export * from './groups.js';
export * from './options.js';
export * from './summary.js';
export * from './fcr.js';
export * from './ivr.js';
export * from './callbacks.js';
