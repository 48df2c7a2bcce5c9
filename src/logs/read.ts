/**
 * Read a contact log written by `ccsim run --log` (or a real export in the same columns)
 * back into per-replication `ContactLog`s, so the very same metric code measures it.
 * Missing optional columns are treated as "did not happen"; the side files
 * (`.agents.*`, `.meta.json`) are used when present.
 */
import { existsSync, readFileSync } from 'node:fs';
import { AgentStateTable } from './agentTable.js';
import { AGENT_STATES, CALLBACK_OFFERS, CHANNEL_KINDS, IVR_OUTCOMES, OUTCOME, OUTCOMES, type ChannelKindName } from './codes.js';
import type { ContactLog } from './contactLog.js';
import { logFormatOf, sidePath, type LogMeta } from './files.js';
import { LegTable } from './legTable.js';
import { LogFormatError } from './errors.js';
import { applyMapping, type LogMapping } from './mapping.js';

export { LogFormatError } from './errors.js';

export interface ReadLog {
  meta?: LogMeta;
  logs: ContactLog[];
  /** Whether an agent-state file was found. */
  hasAgentStates: boolean;
}

type Row = Record<string, string | number | null>;

/** Read a leg file (CSV or NDJSON) and its side files. */
export function readContactLog(path: string, mapping?: LogMapping): ReadLog {
  const format = logFormatOf(path);
  if (!format) throw new LogFormatError(`'${path}' is neither .csv nor .ndjson`, undefined, path);
  const metaPath = sidePath(path, 'meta');
  const meta = existsSync(metaPath) ? (JSON.parse(readFileSync(metaPath, 'utf8')) as LogMeta) : undefined;
  const legRows = mapping ? applyMapping(parseRows(path, format), mapping, path) : parseRows(path, format);
  if (legRows.length === 0) throw new LogFormatError('the log has no rows', undefined, path);
  for (const col of ['channel', 'arrival']) {
    if (!(col in legRows[0])) throw new LogFormatError(`missing column '${col}'`, 'line 1', path);
  }
  const agentsPath = sidePath(path, 'agents');
  const agentRows = existsSync(agentsPath) ? parseRows(agentsPath, format) : undefined;

  const channels = new Names(meta?.channels?.map((c) => c.id));
  const kinds = new Map<string, ChannelKindName>(meta?.channels?.map((c) => [c.id, c.kind as ChannelKindName]));
  const groups = new Names(meta?.groups);
  const agents = new Names();
  const agentGroup: number[] = [];
  const queues = new Names(meta?.channels?.map((c) => c.id));

  const byRep = new Map<number, { legs: Row[]; states: Row[] }>();
  const bucket = (rep: number) => {
    let b = byRep.get(rep);
    if (!b) byRep.set(rep, (b = { legs: [], states: [] }));
    return b;
  };
  legRows.forEach((r) => bucket(num(r.replication, 0)).legs.push(r));
  agentRows?.forEach((r) => bucket(num(r.replication, 0)).states.push(r));

  const agentOf = (name: string, group: string | null, where: string): number => {
    const known = agents.has(name);
    const a = agents.id(name);
    if (!known) agentGroup[a] = group === null ? -1 : groups.id(group);
    else if (agentGroup[a] < 0 && group !== null) agentGroup[a] = groups.id(group);
    if (a > 0x7fffffff) throw new LogFormatError('too many agents', where, path);
    return a;
  };

  let maxTime = 0;
  const logs: ContactLog[] = [];
  for (const [rep, { legs: rows, states }] of byRep) {
    const legs = new LegTable(rows.length);
    rows.forEach((r, i) => {
      const where = `row ${i + 1} of replication ${rep}`;
      const channelName = str(r.channel);
      if (channelName === null) throw new LogFormatError("empty 'channel'", where, path);
      const c = channels.id(channelName);
      if (!kinds.has(channelName)) {
        const k = str(r.kind);
        kinds.set(channelName, k && (CHANNEL_KINDS as readonly string[]).includes(k) ? (k as ChannelKindName) : 'call');
      }
      const arrival = time(r.arrival, where, 'arrival', path);
      if (Number.isNaN(arrival)) throw new LogFormatError("empty 'arrival'", where, path);
      const row = legs.add(num(r.contact, i), c, queues.id(str(r.queue) ?? channelName), arrival);
      legs.leg[row] = num(r.leg, 1);
      legs.issue[row] = num(r.issue, -1);
      legs.customer[row] = num(r.customer, -1);
      legs.attempt[row] = num(r.attempt, 1);
      legs.ivrExit[row] = time(r.ivrExit, where, 'ivrExit', path);
      legs.ivrOutcome[row] = Math.max(0, (IVR_OUTCOMES as readonly string[]).indexOf(str(r.ivrOutcome) ?? ''));
      // A real export without queue entry times: treat arrival as queue entry.
      legs.queueEntry[row] = 'queueEntry' in r ? time(r.queueEntry, where, 'queueEntry', path) : arrival;
      legs.answer[row] = time(r.answer, where, 'answer', path);
      legs.abandon[row] = time(r.abandon, where, 'abandon', path);
      legs.talkEnd[row] = time(r.talkEnd, where, 'talkEnd', path);
      legs.wrapEnd[row] = time(r.wrapEnd, where, 'wrapEnd', path);
      const agentName = str(r.agent);
      if (agentName !== null) legs.agent[row] = agentOf(agentName, str(r.group), where);
      const groupName = str(r.group);
      if (groupName !== null) legs.group[row] = groups.id(groupName);
      legs.concurrency[row] = num(r.concurrency, 0);
      const outcome = str(r.outcome);
      const code = outcome === null ? -1 : (OUTCOMES as readonly string[]).indexOf(outcome);
      if (outcome !== null && code < 0) throw new LogFormatError(`unknown outcome '${outcome}' (expected one of ${OUTCOMES.slice(1).join(', ')})`, where, path);
      legs.outcome[row] = code >= 0 ? code : inferOutcome(legs, row);
      legs.resolved[row] = num(r.resolved, -1);
      legs.callbackOffer[row] = (CALLBACK_OFFERS as readonly string[]).indexOf(str(r.callbackOffer) ?? '') - 1;
      maxTime = Math.max(maxTime, arrival, finite(legs.wrapEnd[row]), finite(legs.abandon[row]));
    });
    let table: AgentStateTable | undefined;
    if (agentRows) {
      table = new AgentStateTable(states.length);
      states.forEach((r, i) => {
        const where = `agent-state row ${i + 1} of replication ${rep}`;
        const name = str(r.agent);
        if (name === null) throw new LogFormatError("empty 'agent'", where, path);
        const state = (AGENT_STATES as readonly string[]).indexOf(str(r.state) ?? '');
        if (state < 0) throw new LogFormatError(`unknown state '${r.state}' (expected one of ${AGENT_STATES.join(', ')})`, where, agentsPath);
        const end = time(r.end, where, 'end', agentsPath);
        table!.add(agentOf(name, str(r.group), where), state, time(r.start, where, 'start', agentsPath), end);
        maxTime = Math.max(maxTime, finite(end));
      });
    }
    logs.push({
      replication: rep,
      horizonSec: meta?.horizonSec ?? NaN,
      channels: channels.list,
      channelKinds: [],
      queues: queues.list,
      groups: groups.list,
      agents: agents.list,
      agentGroup: new Int32Array(0),
      legs,
      agentStates: table,
    });
  }
  // Names are complete only now; share them (and the horizon) across replications.
  const channelKinds = channels.list.map((c) => kinds.get(c) ?? 'call');
  const agentGroupArr = Int32Array.from(agents.list, (_, a) => agentGroup[a] ?? -1);
  for (const log of logs) {
    log.channelKinds = channelKinds;
    log.agentGroup = agentGroupArr;
    if (Number.isNaN(log.horizonSec)) log.horizonSec = maxTime;
  }
  return { meta, logs, hasAgentStates: agentRows !== undefined };
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

function parseRows(path: string, format: 'csv' | 'ndjson'): Row[] {
  const text = readFileSync(path, 'utf8');
  const lines = text.split(/\r?\n/);
  if (format === 'ndjson') {
    const rows: Row[] = [];
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        rows.push(JSON.parse(line) as Row);
      } catch (e) {
        throw new LogFormatError(`not a JSON object: ${(e as Error).message}`, `line ${i + 1}`, path);
      }
    });
    return rows;
  }
  const header = splitCsvLine(lines[0] ?? '');
  const rows: Row[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const cells = splitCsvLine(lines[i]);
    if (cells.length !== header.length) {
      throw new LogFormatError(`${cells.length} cells where the header has ${header.length}`, `line ${i + 1}`, path);
    }
    const row: Row = {};
    for (let j = 0; j < header.length; j++) row[header[j]] = cells[j] === '' ? null : cells[j];
    rows.push(row);
  }
  return rows;
}

/** Split one CSV line, honouring double quotes (real exports use them). */
function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function str(v: unknown): string | null {
  return v === null || v === undefined || v === '' ? null : String(v);
}

function num(v: unknown, dflt: number): number {
  if (v === null || v === undefined || v === '') return dflt;
  const n = Number(v);
  return Number.isFinite(n) ? n : dflt;
}

function time(v: unknown, where: string, column: string, file: string): number {
  if (v === null || v === undefined || v === '') return NaN;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new LogFormatError(`'${column}' is '${String(v)}', not a number of seconds`, where, file);
  return n;
}

function finite(v: number): number {
  return Number.isFinite(v) ? v : 0;
}
