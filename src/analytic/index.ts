/** The analytic models' public surface: Erlang B/C/A, M/M/c/K, staffing searches, special functions. */
export * from './erlang.js';
export * from './staffing.js';
export { logGamma, regularizedGammaP, regularizedGammaQ, gammaSeriesSums, type GammaSeriesSums } from './special.js';
