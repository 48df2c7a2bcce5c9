/**
 * Rules that relate one part of a scenario file to another, checked after the schema
 * has passed: every skill names a channel, every channel is served, the warm-up ends
 * before the horizon, tables cover the horizon exactly, an intraday profile lines up
 * with the start clock. Root causes come first (a mistyped skill before the channel it
 * leaves unserved).
 */
import { MSG, inputError } from '../messages.js';
import { formatDuration, intervalCount, isMultipleOf } from './duration.js';
import type { ScenarioFile } from './schema.js';

/** One broken rule: where (dotted path) and the catalogue entry. */
export interface ReferenceProblem {
  path: string;
  what: string;
  fix: string;
}

/** Every cross-reference problem of a schema-valid file, most fundamental first. */
export function findReferenceProblems(s: ScenarioFile): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const add = (path: string, entry: { what: string; fix: string }) => problems.push({ path, ...entry });
  const channelIds = Object.keys(s.channels);

  for (const [groupId, group] of Object.entries(s.groups)) {
    group.skills.forEach((skill, i) => {
      if (!Object.prototype.hasOwnProperty.call(s.channels, skill)) {
        add(`groups.${groupId}.skills[${i}]`, MSG.unknownSkill(skill, channelIds));
      }
    });
  }
  const served = new Set(Object.values(s.groups).flatMap((g) => g.skills));
  for (const id of channelIds) {
    if (!served.has(id)) add(`channels.${id}`, MSG.channelNotServed(id));
  }

  if (!(s.warmup < s.horizon)) {
    add('warmup', MSG.warmupNotBeforeHorizon(formatDuration(s.warmup), formatDuration(s.horizon)));
  }

  const tableLength = (path: string, column: string, got: number, intervalSec: number) => {
    const needed = intervalCount(s.horizon, intervalSec);
    if (got !== needed) {
      add(path, MSG.tableLength(column, got, needed, formatDuration(s.horizon), formatDuration(intervalSec)));
    }
  };
  for (const [id, channel] of Object.entries(s.channels)) {
    const a = channel.arrivals;
    if ('volumes' in a) tableLength(`channels.${id}.arrivals.volumes`, 'volumes', a.volumes.length, a.interval);
    if ('daily' in a && !isMultipleOf(s.start, a.profile.interval)) {
      add(`channels.${id}.arrivals.profile`, MSG.startNotAligned(clock(s.start), formatDuration(a.profile.interval)));
    }
  }
  for (const [id, group] of Object.entries(s.groups)) {
    const agents = group.agents;
    if (typeof agents !== 'number') {
      tableLength(`groups.${id}.agents.counts`, 'counts', agents.counts.length, agents.interval);
    }
  }
  return problems;
}

/** Throw the first cross-reference problem as an InputError naming `file`. */
export function checkReferences(s: ScenarioFile, file: string): void {
  const first = findReferenceProblems(s)[0];
  if (first) throw inputError({ what: first.what, fix: first.fix }, { file, path: first.path });
}

function clock(sec: number): string {
  const hh = String(Math.floor(sec / 3600)).padStart(2, '0');
  const mm = String(Math.floor((sec % 3600) / 60)).padStart(2, '0');
  const ss = sec % 60;
  return ss ? `${hh}:${mm}:${String(ss).padStart(2, '0')}` : `${hh}:${mm}`;
}
