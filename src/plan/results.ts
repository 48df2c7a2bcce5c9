/**
 * The result shapes of the planner commands, shared by the code that computes them
 * (plan/) and the code that draws them (report/). Plain data, JSON-serializable.
 */
import type { Estimate, EstimateRecord, Summary } from '../metrics/index.js';

/** `ccsim compare a b ...`: each scenario's KPIs, and paired differences against the first. */
export interface CompareResult {
  seed: number;
  replications: number;
  scenarios: { name: string; file: string; summary: Summary }[];
  /** For each scenario after the first: (scenario − first) per replication, mean and 95 % CI. */
  differences: { name: string; file: string; channels: Record<string, EstimateRecord>; groups: Record<string, EstimateRecord>; total: EstimateRecord }[];
}

/** Analytic values beside a simulated sweep point (single-queue scenarios). */
export interface AnalyticPoint {
  serviceLevel: number;
  asaSeconds: number;
  avgWaitSeconds: number;
  abandonRate: number;
  occupancy: number;
}

/** `ccsim sweep scenario --set PATH=FROM..TO[:STEP]`: KPIs at each value of one parameter. */
export interface SweepResult {
  scenario: string;
  path: string;
  seed: number;
  replications: number;
  points: { value: number; summary: Summary; erlangA?: AnalyticPoint }[];
  /** What the analytic curve assumes and where the scenario departs from it (when there is a curve). */
  analytic?: string;
}

export type { Estimate };
