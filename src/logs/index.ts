/** The contact log: schema, in-memory tables, files. Imports nothing from the rest of ccsim. */
export * from './codes.js';
export * from './legTable.js';
export * from './idCodes.js';
export * from './agentTable.js';
export * from './contactLog.js';
export * from './files.js';
export * from './read.js';
export * from './mapping.js';
