/**
 * The contact log on disk. `--log calls.csv` writes three files side by side:
 *   calls.csv          the leg table, one row per leg, every replication
 *   calls.agents.csv   the agent-state table
 *   calls.meta.json    how to measure it (horizon, warm-up, interval, SL thresholds) and the names
 * `.ndjson` instead of `.csv` writes one JSON object per line with the same fields.
 * Each file is written to a temporary name and renamed when complete, so an
 * interrupted run never leaves a half-written log in place of an earlier one.
 */
import { closeSync, openSync, renameSync, writeSync, rmSync } from 'node:fs';
import { AGENT_STATES, CALLBACK_OFFERS, IVR_OUTCOMES, OUTCOMES } from './codes.js';
import type { ContactLog } from './contactLog.js';
import { idleIntervals } from './idle.js';
import { trackTemp, untrackTemp } from './tempFiles.js';

export type LogFormat = 'csv' | 'ndjson';

export const LEG_FIELDS = [
  'replication', 'contact', 'leg', 'issue', 'customer', 'attempt', 'channel', 'kind', 'queue',
  'arrival', 'ivrExit', 'ivrOutcome', 'queueEntry', 'answer', 'abandon', 'talkEnd', 'wrapEnd',
  'agent', 'group', 'concurrency', 'outcome', 'resolved', 'callbackOffer',
] as const;
export const AGENT_FIELDS = ['replication', 'agent', 'group', 'state', 'start', 'end'] as const;

/** Settings and names stored beside a log so `ccsim metrics` measures it as `run` did. */
export interface LogMeta {
  format: 'ccsim-log';
  version: 1;
  scenario?: string;
  seed?: number;
  replications?: number;
  horizonSec?: number;
  warmupSec?: number;
  intervalSec?: number;
  startClockSec?: number;
  serviceLevelFormula?: string;
  shortAbandonSec?: number;
  fcrWindowSec?: number;
  defaultWithinSec?: number;
  withinSec?: Record<string, number>;
  channels?: { id: string; kind: string }[];
  groups?: string[];
}

/** The format a path's extension selects, or undefined. */
export function logFormatOf(path: string): LogFormat | undefined {
  if (path.endsWith('.csv')) return 'csv';
  if (path.endsWith('.ndjson')) return 'ndjson';
  return undefined;
}

/** Path of a side file: `calls.csv` → `calls.agents.csv`, `calls.meta.json`. */
export function sidePath(path: string, which: 'agents' | 'meta'): string {
  const fmt = logFormatOf(path);
  const stem = fmt ? path.slice(0, -(fmt.length + 1)) : path;
  return which === 'meta' ? `${stem}.meta.json` : `${stem}.agents.${fmt ?? 'csv'}`;
}

/** Write text to a file atomically (temporary file, then rename); a failure or a signal leaves no temporary file. */
export function writeFileAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  trackTemp(tmp);
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  } finally {
    untrackTemp(tmp);
  }
}

/** Streams replications into the log files; `commit` renames them into place. */
export class LogWriter {
  private readonly legFd: number;
  private readonly agentFd: number;
  private readonly paths: [string, string][];
  private committed = false;

  constructor(
    private readonly path: string,
    private readonly format: LogFormat,
    private readonly meta: LogMeta,
  ) {
    const agents = sidePath(path, 'agents');
    this.paths = [
      [`${path}.tmp-${process.pid}`, path],
      [`${agents}.tmp-${process.pid}`, agents],
    ];
    for (const [tmp] of this.paths) trackTemp(tmp);
    try {
      this.legFd = openSync(this.paths[0][0], 'w');
      this.agentFd = openSync(this.paths[1][0], 'w');
    } catch (e) {
      this.forget();
      throw e;
    }
    if (format === 'csv') {
      writeSync(this.legFd, LEG_FIELDS.join(',') + '\n');
      writeSync(this.agentFd, AGENT_FIELDS.join(',') + '\n');
    }
  }

  /** Append one replication's legs and agent states. */
  write(log: ContactLog): void {
    const legs = log.legs;
    const rep = log.replication;
    let chunk: string[] = [];
    const flush = (fd: number) => {
      if (chunk.length) writeSync(fd, chunk.join(''));
      chunk = [];
    };
    for (let r = 0; r < legs.length; r++) {
      const agent = legs.agent[r];
      const group = legs.group[r];
      const c = legs.channel[r];
      const values: (string | number | null)[] = [
        rep, id(legs.contact[r], log), legs.leg[r], id(legs.issue[r], log), id(legs.customer[r], log), legs.attempt[r],
        log.channels[c], log.channelKinds[c], log.queues[legs.queue[r]],
        t(legs.arrival[r]), t(legs.ivrExit[r]), IVR_OUTCOMES[legs.ivrOutcome[r]] || null, t(legs.queueEntry[r]),
        t(legs.answer[r]), t(legs.abandon[r]), t(legs.talkEnd[r]), t(legs.wrapEnd[r]),
        agent >= 0 ? log.agents[agent] : null, group >= 0 ? log.groups[group] : null,
        legs.concurrency[r] || null, OUTCOMES[legs.outcome[r]], legs.resolved[r] < 0 ? null : legs.resolved[r],
        CALLBACK_OFFERS[legs.callbackOffer[r] + 1] || null,
      ];
      chunk.push(this.line(LEG_FIELDS, values));
      if (chunk.length >= 4096) flush(this.legFd);
    }
    flush(this.legFd);
    const st = log.agentStates;
    if (st) {
      for (let r = 0; r < st.length; r++) {
        const a = st.agent[r];
        const values = [rep, log.agents[a], log.groups[log.agentGroup[a]], AGENT_STATES[st.state[r]], st.start[r], st.end[r]];
        chunk.push(this.line(AGENT_FIELDS, values));
        if (chunk.length >= 4096) flush(this.agentFd);
      }
      for (const idle of idleIntervals(st)) {
        chunk.push(this.line(AGENT_FIELDS, [rep, log.agents[idle.agent], log.groups[log.agentGroup[idle.agent]], 'idle', idle.start, idle.end]));
        if (chunk.length >= 4096) flush(this.agentFd);
      }
      flush(this.agentFd);
    }
  }

  /** Close the files and move them (and the meta file) into place. */
  commit(): void {
    closeSync(this.legFd);
    closeSync(this.agentFd);
    for (const [tmp, final] of this.paths) {
      renameSync(tmp, final);
      untrackTemp(tmp);
    }
    writeFileAtomic(sidePath(this.path, 'meta'), JSON.stringify(this.meta, null, 2) + '\n');
    this.committed = true;
  }

  /** Close and delete the temporary files (on error); earlier logs stay untouched. */
  abort(): void {
    if (this.committed) return;
    for (const fd of [this.legFd, this.agentFd]) {
      try {
        closeSync(fd);
      } catch {
        /* already closed */
      }
    }
    this.forget();
  }

  /** Delete the temporary files and drop them from the register. */
  private forget(): void {
    for (const [tmp] of this.paths) {
      rmSync(tmp, { force: true });
      untrackTemp(tmp);
    }
  }

  private line(fields: readonly string[], values: (string | number | null)[]): string {
    if (this.format === 'csv') return values.map((v) => (v === null ? '' : String(v))).join(',') + '\n';
    let s = '{';
    for (let i = 0; i < fields.length; i++) s += `${i ? ',' : ''}"${fields[i]}":${JSON.stringify(values[i])}`;
    return s + '}\n';
  }
}

function t(v: number): number | null {
  return Number.isNaN(v) ? null : v;
}

/** An id as the file writes it: the string a read log had (codes.ts interns them), else the number. */
function id(v: number, log: ContactLog): string | number | null {
  return v < 0 ? null : log.ids ? log.ids.name(v) : v;
}
