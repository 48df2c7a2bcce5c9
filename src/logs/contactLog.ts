/**
 * One replication's contact log: the leg table, the agent-state table and the names the
 * integer codes refer to. This is the only thing that passes from simulation to metrics,
 * and what `ccsim run --log` writes and `ccsim metrics` reads back.
 */
import type { LegTable } from './legTable.js';
import type { AgentStateTable } from './agentTable.js';
import type { ChannelKindName } from './codes.js';
import type { IdCodes } from './idCodes.js';

export interface ContactLog {
  replication: number;
  /** End of the observed period, seconds since start. */
  horizonSec: number;
  /** Channel names by code, and each channel's kind. */
  channels: string[];
  channelKinds: ChannelKindName[];
  /** Queue names by code (today one queue per channel; IVR routing may add more). */
  queues: string[];
  /** Group names by code. */
  groups: string[];
  /** Agent names by agent id, and the group code of each agent. */
  agents: string[];
  agentGroup: Int32Array;
  legs: LegTable;
  /** Absent for an imported log without agent states: occupancy is then not reported. */
  agentStates?: AgentStateTable;
  /** A log read from a file: the ids its contact, issue and customer codes stand for. */
  ids?: IdCodes;
}
