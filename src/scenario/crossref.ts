/**
 * Rules that relate one part of a scenario file to another, checked after the schema
 * has passed: every skill names a channel, every channel is served, the warm-up ends
 * before the horizon, tables cover the horizon exactly, an intraday profile lines up
 * with the start clock, weekday volumes cover every day the horizon reaches, an initial
 * backlog sits on an email channel. Root causes come first (a mistyped skill before the channel it
 * leaves unserved).
 */
import { MSG, inputError } from '../messages.js';
import { formatDuration, intervalCount, isMultipleOf } from './duration.js';
import type { ScenarioFile } from './schema.js';
import { weekdayIndex, weekdayName, weekdaysTouched } from './weekdays.js';

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
      if (!Object.prototype.hasOwnProperty.call(s.channels, skill) && !Object.prototype.hasOwnProperty.call(s.queues ?? {}, skill)) {
        add(`groups.${groupId}.skills[${i}]`, MSG.unknownSkill(skill, channelIds));
      }
    });
  }
  const served = new Set(Object.values(s.groups).flatMap((g) => g.skills));
  for (const id of channelIds) {
    // A channel with an IVR need not serve its own queue: its leaves name the queues.
    if (!served.has(id) && !s.channels[id].ivr) add(`channels.${id}`, MSG.channelNotServed(id));
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
    if ('daily' in a) {
      // Weekday maps need a value for every day the horizon reaches (and weights where volume > 0).
      const touched = [...new Set(weekdaysTouched(weekdayIndex(s.startDay) ?? 0, s.start, s.horizon))];
      const noVolume = touched.find((w) => a.daily.days[w] === undefined);
      const noWeights = touched.find((w) => (a.daily.days[w] ?? 0) > 0 && a.profile.weights.days[w] === undefined);
      if (noVolume !== undefined) {
        const startsAt = `${s.startDay} ${clock(s.start)}`;
        add(`channels.${id}.arrivals.daily`, MSG.noDailyVolume(weekdayName(noVolume), startsAt, formatDuration(s.horizon)));
      } else if (noWeights !== undefined) {
        add(`channels.${id}.arrivals.profile.weights`, MSG.noProfileForDay(weekdayName(noWeights)));
      }
    }
    if (channel.initialBacklog && channel.kind !== 'email') {
      add(`channels.${id}.initialBacklog`, MSG.backlogNotEmail(id, channel.kind));
    }
  }
  for (const [id, group] of Object.entries(s.groups)) {
    const agents = group.agents;
    if (typeof agents !== 'number' && 'counts' in agents) {
      tableLength(`groups.${id}.agents.counts`, 'counts', agents.counts.length, agents.interval);
    }
  }
  routingProblems(s, add);
  return problems;
}

/** Queues, IVR trees, escalation, overflow, repeat mixes and skill levels (issue 4). */
function routingProblems(s: ScenarioFile, add: (path: string, entry: { what: string; fix: string }) => void): void {
  const channelIds = Object.keys(s.channels);
  const groupIds = Object.keys(s.groups);
  const queues = s.queues ?? {};
  const queueIds = [...channelIds, ...Object.keys(queues).filter((id) => !has(s.channels, id))];
  const isQueue = (id: string) => has(s.channels, id) || has(queues, id);
  const kindOf = (q: string) => (has(s.channels, q) ? s.channels[q].kind : s.channels[queues[q].channel]?.kind);
  for (const [id, q] of Object.entries(queues)) {
    if (has(s.channels, id)) add(`queues.${id}`, MSG.queueIdTaken(id));
    if (!has(s.channels, q.channel)) add(`queues.${id}.channel`, MSG.unknownChannel(q.channel, channelIds));
  }
  const served = new Set(Object.values(s.groups).flatMap((g) => g.skills));
  for (const id of Object.keys(queues)) if (!served.has(id) && !has(s.channels, id)) add(`queues.${id}`, MSG.queueNotServed(id));
  const behaviour = (path: string, b: { escalation?: { to: string; mode: string }; overflow?: { groups: string[] } }) => {
    if (b.escalation) {
      const to = b.escalation.to;
      if (!isQueue(to)) add(`${path}.escalation.to`, MSG.unknownQueue(to, queueIds));
      else if (b.escalation.mode === 'ticket' && kindOf(to) !== 'email') add(`${path}.escalation.to`, MSG.ticketNotDeferred(to));
      else if (b.escalation.mode === 'warm' && kindOf(to) === 'email') add(`${path}.escalation.to`, MSG.warmNotLive(to));
    }
    b.overflow?.groups.forEach((g, i) => {
      if (!has(s.groups, g)) add(`${path}.overflow.groups[${i}]`, MSG.unknownGroup(g, groupIds));
    });
  };
  for (const [id, q] of Object.entries(queues)) behaviour(`queues.${id}`, q);
  for (const [id, c] of Object.entries(s.channels)) {
    const path = `channels.${id}`;
    behaviour(path, c);
    for (const ch of Object.keys(c.repeat?.channels ?? {})) {
      if (!has(s.channels, ch)) add(`${path}.repeat.channels.${ch}`, MSG.unknownChannel(ch, channelIds));
    }
    if (c.ivr) ivrProblems(`${path}.ivr`, c.ivr, isQueue, queueIds, add);
    if (c.callback && c.kind !== 'call') add(`${path}.callback`, MSG.callbackNotCall(id, c.kind));
  }
  for (const [id, g] of Object.entries(s.groups)) {
    for (const q of Object.keys(g.skillLevels ?? {})) {
      if (!isQueue(q)) add(`groups.${id}.skillLevels.${q}`, MSG.unknownQueue(q, queueIds));
    }
  }
}

type IvrFile = NonNullable<ScenarioFile['channels'][string]['ivr']>;

/** Node forms, references, and nodes from which no caller can ever leave (a cycle without an exit). */
function ivrProblems(
  path: string,
  ivr: IvrFile,
  isQueue: (id: string) => boolean,
  queueIds: readonly string[],
  add: (path: string, entry: { what: string; fix: string }) => void,
): void {
  const ids = Object.keys(ivr.nodes);
  if (!has(ivr.nodes, ivr.start)) return add(`${path}.start`, MSG.unknownIvrNode(ivr.start, ids));
  let broken = false;
  for (const [id, n] of Object.entries(ivr.nodes)) {
    const at = `${path}.nodes.${id}`;
    if ((n.branches === undefined) === (n.queue === undefined)) (broken = true), add(at, MSG.ivrNodeForm(id));
    if (n.abandon + n.contain > 1 + 1e-12) add(at, MSG.ivrExitTooLikely(id, n.abandon + n.contain));
    for (const to of Object.keys(n.branches ?? {})) {
      if (!has(ivr.nodes, to)) (broken = true), add(`${at}.branches.${to}`, MSG.unknownIvrNode(to, ids));
    }
    if (n.queue !== undefined && !isQueue(n.queue)) add(`${at}.queue`, MSG.unknownQueue(n.queue, queueIds));
    if (n.misroute && !isQueue(n.misroute.queue)) add(`${at}.misroute.queue`, MSG.unknownQueue(n.misroute.queue, queueIds));
  }
  if (broken) return;
  // A node can exit when it is a leaf, may end the call itself, or leads to a node that can.
  const exits = new Set(ids.filter((id) => ivr.nodes[id].queue !== undefined || ivr.nodes[id].abandon + ivr.nodes[id].contain > 0));
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of ids) {
      if (exits.has(id)) continue;
      const next = Object.entries(ivr.nodes[id].branches ?? {}).filter(([, p]) => p > 0);
      if (next.some(([to]) => exits.has(to))) (exits.add(id), (changed = true));
    }
  }
  // Report the first node reachable from the start that cannot exit.
  const seen = new Set<string>([ivr.start]);
  const order = [ivr.start];
  for (let i = 0; i < order.length; i++) {
    const id = order[i];
    if (!exits.has(id)) return add(`${path}.nodes.${id}`, MSG.ivrNoExit(id));
    for (const [to, p] of Object.entries(ivr.nodes[id].branches ?? {})) {
      if (p > 0 && !seen.has(to)) (seen.add(to), order.push(to));
    }
  }
}

function has(map: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(map, key);
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
