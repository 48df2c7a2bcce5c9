/**
 * The files each command reads, so that its outputs can be checked against them: a scenario
 * and the CSV files its empirical distributions name; a log and its side files; a mapping.
 */
import { dirname, resolve } from 'node:path';
import { sidePath } from '../logs/files.js';
import { readScenarioFile } from '../scenario/index.js';

/** The scenario file and every CSV file its `empirical` distributions read (relative to the scenario). */
export function scenarioInputs(file: string, raw: unknown = readScenarioFile(file)): string[] {
  const csvs: string[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) return x.forEach(walk);
    if (!x || typeof x !== 'object') return;
    const o = x as Record<string, unknown>;
    if (o.dist === 'empirical' && typeof o.csv === 'string') csvs.push(resolve(dirname(file), o.csv));
    Object.values(o).forEach(walk);
  };
  walk(raw);
  return [file, ...csvs];
}

/** A contact log, its side files (read when present) and the mapping file, if any. */
export function logInputs(log: string, map?: string): string[] {
  return [log, sidePath(log, 'agents'), sidePath(log, 'meta'), ...(map === undefined ? [] : [map])];
}

