/** The simulation kernel: calendar, random streams, distributions. No contact-center words, no I/O. */
export * from './calendar.js';
export * from './rng.js';
export * from './distributions.js';
