/**
 * Read a contact log written by `ccsim run --log` (or a real export in the same columns,
 * or one mapped onto them) back into per-replication `ContactLog`s, so the very same
 * metric code measures it.
 *
 *   file ─▶ rows (BOM, CSV/NDJSON) ─▶ [mapping] ─▶ cells read strictly ─▶ leg checks ─▶ tables
 *
 * Missing optional columns are treated as "did not happen"; the side files (`.agents.*`,
 * `.meta.json`) are used when present. What cannot be trusted is refused with the file,
 * line and column (see cells.ts, legChecks.ts, metaFile.ts), never guessed at.
 */
import { existsSync } from 'node:fs';
import { MSG } from '../messages.js';
import { AgentStateTable } from './agentTable.js';
import { cellWhere, keyName, oneOf, text, time, whole, type At } from './cells.js';
import { AGENT_STATES, CALLBACK_OFFERS, CHANNEL_KINDS, IVR_OUTCOMES, OUTCOME, OUTCOMES, type ChannelKindName } from './codes.js';
import type { ContactLog } from './contactLog.js';
import { logFormatOf, sidePath, type LogMeta } from './files.js';
import { IdCodes } from './idCodes.js';
import { LegTable } from './legTable.js';
import { checkLegOrder, DuplicateLegs } from './legChecks.js';
import { logError, LogFormatError } from './errors.js';
import { applyMapping, mappedLabel, type LogMapping } from './mapping.js';
import { readMeta } from './metaFile.js';
import { parseRows, type Row, type Rows } from './rows.js';

export { LogFormatError } from './errors.js';

export interface ReadLog {
  meta?: LogMeta;
  logs: ContactLog[];
  /** Whether an agent-state file was found. */
  hasAgentStates: boolean;
}

/** Names and codes shared by every replication of one file. */
interface Shared {
  channels: Names;
  kinds: Map<string, ChannelKindName>;
  groups: Names;
  agents: Names;
  agentGroup: number[];
  queues: Names;
  ids: IdCodes;
}

/** Read a leg file (CSV or NDJSON) and its side files. */
export function readContactLog(path: string, mapping?: LogMapping): ReadLog {
  const format = logFormatOf(path);
  if (!format) throw new LogFormatError(`'${path}' is neither .csv nor .ndjson`, undefined, path);
  const meta = readMeta(sidePath(path, 'meta'));
  const parsed = parseRows(path, format);
  const legRows = mapping ? applyMapping(parsed, mapping, path) : parsed;
  if (legRows.rows.length === 0) throw new LogFormatError('the log has no rows', undefined, path);
  for (const col of ['channel', 'arrival']) {
    if (!Object.hasOwn(legRows.rows[0], col)) throw new LogFormatError(`missing column '${col}'`, 'line 1', path);
  }
  const agentsPath = sidePath(path, 'agents');
  const agentRows = existsSync(agentsPath) ? parseRows(agentsPath, format) : undefined;

  const names: Shared = {
    channels: new Names(meta?.channels?.map((c) => c.id)),
    kinds: new Map(meta?.channels?.map((c) => [c.id, c.kind as ChannelKindName])),
    groups: new Names(meta?.groups),
    agents: new Names(),
    agentGroup: [],
    queues: new Names(meta?.channels?.map((c) => c.id)),
    ids: new IdCodes(),
  };
  const label = mapping ? mappedLabel(mapping) : (c: string) => c;
  const legsByRep = byReplication(legRows, { file: path, line: 0, label });
  const statesByRep = agentRows ? byReplication(agentRows, { file: agentsPath, line: 0, label: (c) => c }) : new Map<number, Rows>();

  let maxTime = 0;
  const logs: ContactLog[] = [];
  for (const [rep, rows] of legsByRep) {
    const legs = readLegs(rep, rows, names, path, label);
    for (let r = 0; r < legs.length; r++) maxTime = Math.max(maxTime, legs.arrival[r], finite(legs.wrapEnd[r]), finite(legs.abandon[r]));
    let table: AgentStateTable | undefined;
    if (agentRows) {
      table = readStates(statesByRep.get(rep) ?? { rows: [], lines: [] }, names, agentsPath);
      for (let r = 0; r < table.length; r++) maxTime = Math.max(maxTime, table.end[r]);
    }
    logs.push({
      replication: rep,
      horizonSec: meta?.horizonSec ?? NaN,
      channels: names.channels.list,
      channelKinds: [],
      queues: names.queues.list,
      groups: names.groups.list,
      agents: names.agents.list,
      agentGroup: new Int32Array(0),
      legs,
      agentStates: table,
      ids: names.ids,
    });
  }
  // Names are complete only now; share them (and the horizon) across replications.
  const channelKinds = names.channels.list.map((c) => names.kinds.get(c) ?? 'call');
  const agentGroupArr = Int32Array.from(names.agents.list, (_, a) => names.agentGroup[a] ?? -1);
  for (const log of logs) {
    log.channelKinds = channelKinds;
    log.agentGroup = agentGroupArr;
    if (Number.isNaN(log.horizonSec)) log.horizonSec = maxTime;
  }
  return { meta, logs, hasAgentStates: agentRows !== undefined };
}

/** Rows grouped by their replication number (a whole number ≥ 0; 0 when the column is absent). */
function byReplication(input: Rows, at: At): Map<number, Rows> {
  const out = new Map<number, Rows>();
  input.rows.forEach((r, i) => {
    const rep = whole(r.replication, 'replication', { ...at, line: input.lines[i] }, 0, 0, 2 ** 31 - 1, 'a whole number ≥ 0');
    let b = out.get(rep);
    if (!b) out.set(rep, (b = { rows: [], lines: [] }));
    b.rows.push(r);
    b.lines.push(input.lines[i]);
  });
  return out;
}

/** One replication's legs. */
function readLegs(rep: number, input: Rows, names: Shared, file: string, label: (c: string) => string): LegTable {
  const legs = new LegTable(input.rows.length);
  const dup = new DuplicateLegs(file, label, rep);
  input.rows.forEach((r, i) => {
    const at: At = { file, line: input.lines[i], label };
    const channelName = keyName(r.channel, 'channel', at);
    if (channelName === null) throw logError(MSG.missingLogCell(label('channel')), cellWhere(at, 'channel'), file);
    const c = names.channels.id(channelName);
    const kind = oneOf(r.kind, 'kind', at, CHANNEL_KINDS, -1);
    if (!names.kinds.has(channelName)) names.kinds.set(channelName, kind >= 0 ? CHANNEL_KINDS[kind] : 'call');
    const arrival = time(r.arrival, 'arrival', at);
    if (Number.isNaN(arrival)) throw logError(MSG.missingLogCell(label('arrival')), cellWhere(at, 'arrival'), file);
    const contactId = text(r.contact, 'contact', at);
    const contact = contactId === null ? names.ids.fresh() : names.ids.code(contactId);
    const row = legs.add(contact, c, names.queues.id(keyName(r.queue, 'queue', at) ?? channelName), arrival);
    legs.leg[row] = whole(r.leg, 'leg', at, 1, 1, 255, 'a whole number from 1 to 255');
    if (contactId !== null) dup.check(contactId, legs.leg[row], at.line);
    legs.issue[row] = idCode(text(r.issue, 'issue', at), names.ids);
    legs.customer[row] = idCode(text(r.customer, 'customer', at), names.ids);
    legs.attempt[row] = whole(r.attempt, 'attempt', at, 1, 1, 65_535, 'a whole number from 1 to 65,535');
    legs.ivrExit[row] = time(r.ivrExit, 'ivrExit', at);
    legs.ivrOutcome[row] = oneOf(r.ivrOutcome, 'ivrOutcome', at, IVR_OUTCOMES, 0);
    // A real export without queue entry times: treat arrival as queue entry.
    legs.queueEntry[row] = Object.hasOwn(r, 'queueEntry') ? time(r.queueEntry, 'queueEntry', at) : arrival;
    legs.answer[row] = time(r.answer, 'answer', at);
    legs.abandon[row] = time(r.abandon, 'abandon', at);
    legs.talkEnd[row] = time(r.talkEnd, 'talkEnd', at);
    legs.wrapEnd[row] = time(r.wrapEnd, 'wrapEnd', at);
    checkLegOrder(legs, row, at);
    const groupName = keyName(r.group, 'group', at);
    const agentName = text(r.agent, 'agent', at);
    if (agentName !== null) legs.agent[row] = agentOf(names, agentName, groupName);
    if (groupName !== null) legs.group[row] = names.groups.id(groupName);
    legs.concurrency[row] = whole(r.concurrency, 'concurrency', at, 0, 0, 255, 'a whole number from 0 to 255');
    const outcome = oneOf(r.outcome, 'outcome', at, OUTCOMES, OUTCOME.none);
    legs.outcome[row] = outcome !== OUTCOME.none ? outcome : inferOutcome(legs, row);
    legs.resolved[row] = whole(r.resolved, 'resolved', at, -1, 0, 1, '0 or 1');
    legs.callbackOffer[row] = oneOf(r.callbackOffer, 'callbackOffer', at, CALLBACK_OFFERS, 0) - 1;
  });
  return legs;
}

/** One replication's agent-state intervals. */
function readStates(input: Rows, names: Shared, file: string): AgentStateTable {
  const table = new AgentStateTable(input.rows.length);
  input.rows.forEach((r, i) => {
    const at: At = { file, line: input.lines[i], label: (c) => c };
    const name = text(r.agent, 'agent', at);
    if (name === null) throw logError(MSG.missingLogCell('agent'), cellWhere(at, 'agent'), file);
    const state = oneOf(r.state, 'state', at, AGENT_STATES, -1);
    if (state < 0) throw logError(MSG.missingLogCell('state'), cellWhere(at, 'state'), file);
    const start = time(r.start, 'start', at);
    const end = time(r.end, 'end', at);
    for (const [col, v] of [['start', start], ['end', end]] as const) {
      if (Number.isNaN(v)) throw logError(MSG.missingLogCell(col), cellWhere(at, col), file);
    }
    if (end < start) throw logError(MSG.logStateBackwards(String(r.start), String(r.end)), cellWhere(at, 'end'), file);
    table.add(agentOf(names, name, keyName(r.group, 'group', at)), state, start, end);
  });
  return table;
}

function agentOf(names: Shared, name: string, group: string | null): number {
  const known = names.agents.has(name);
  const a = names.agents.id(name);
  if (!known) names.agentGroup[a] = group === null ? -1 : names.groups.id(group);
  else if (names.agentGroup[a] < 0 && group !== null) names.agentGroup[a] = names.groups.id(group);
  return a;
}

function idCode(id: string | null, ids: IdCodes): number {
  return id === null ? -1 : ids.code(id);
}

function inferOutcome(legs: LegTable, r: number): number {
  if (!Number.isNaN(legs.wrapEnd[r])) return OUTCOME.handled;
  if (!Number.isNaN(legs.abandon[r])) return OUTCOME.abandoned;
  return OUTCOME.open;
}

/** Insertion-ordered name ↔ code table. */
class Names {
  readonly list: string[] = [];
  private readonly map = new Map<string, number>();
  constructor(initial?: string[]) {
    initial?.forEach((n) => this.id(n));
  }
  has(name: string): boolean {
    return this.map.has(name);
  }
  id(name: string): number {
    let i = this.map.get(name);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(name);
      this.map.set(name, i);
    }
    return i;
  }
}

function finite(v: number): number {
  return Number.isFinite(v) ? v : 0;
}
