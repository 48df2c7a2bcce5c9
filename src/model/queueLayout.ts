/**
 * The queue layout of a scenario, computed once before a run: the channels' own queues,
 * then the scenario's extra queues (named queues), then hidden queues: an overflow twin
 * for each queue with overflow (the same contacts, offered to extra groups after a wait)
 * and a callback queue for each queue that calls customers back. For each queue: its
 * channel, kind, priority, waiting room and serving groups; for each group: the queues it
 * serves, live ones by priority first, then emails (blending).
 */
import type { Channel, Queue, Scenario } from '../scenario/types.js';

export const KIND_CALL = 0;
export const KIND_CHAT = 1;
export const KIND_EMAIL = 2;

export interface QueueLayout {
  /** Ids of the named queues (channels' own, then extra), and their count. */
  queueIds: string[];
  named: number;
  /** All queues, hidden ones included. */
  queueCount: number;
  index: Map<string, number>;
  /** The scenario entry (channel or extra queue) of named queue q. */
  spec: (q: number) => Channel | Queue;
  extra: Queue[];
  queueChannel: Int32Array;
  /** Per queue: its overflow twin (−1 none) and the wait before overflowing; per hidden queue: its queue. */
  twin: Int32Array;
  primary: Int32Array;
  overflowAfter: Float64Array;
  callbackQueue: Int32Array;
  isCallback: Uint8Array;
  /** Log names; hidden queues appear as `<queue>-overflow`, `<queue>-callback`. */
  queueNames: string[];
  kind: Uint8Array;
  queuePriority: Float64Array;
  room: Float64Array;
  servingGroups: Int32Array[];
  groupLiveQueues: Int32Array[];
  groupQueues: Int32Array[];
}

/** Lay out the queues of a scenario. */
export function layoutQueues(scenario: Scenario): QueueLayout {
  const channels = Object.values(scenario.channels);
  const groups = Object.values(scenario.groups);
  const index = new Map(channels.map((c, i) => [c.id, i]));
  const channelKind = Uint8Array.from(channels, (c) => (c.kind === 'chat' ? KIND_CHAT : c.kind === 'email' ? KIND_EMAIL : KIND_CALL));
  const L = {} as QueueLayout;
  // Queues: the channels' own, then the scenario's extra ones, then overflow twins.
  const extra = Object.values(scenario.queues ?? {});
  const nq = channels.length + extra.length;
  L.queueIds = [...channels.map((c) => c.id), ...extra.map((q) => q.id)];
  const qIndex = new Map(L.queueIds.map((id, q) => [id, q]));
  const withOverflow = L.queueIds.filter((_, q) => (q < channels.length ? channels[q].overflow : extra[q - channels.length].overflow));
  // Callback queues: one per call queue whose channel offers callbacks, and per queue
  // that calls back the customers of issues it could not resolve.
  const withCallback = L.queueIds.filter((_, q) => {
    const ch = channels[q < channels.length ? q : index.get(extra[q - channels.length].channel)!];
    const own = q < channels.length ? channels[q] : extra[q - channels.length];
    return (ch.callback !== undefined && ch.kind === 'call') || own.unresolved === 'callback';
  });
  const nQ = nq + withOverflow.length + withCallback.length;
  L.queueCount = nQ;
  const channelOf = (q: number): number => (q < nq ? (q < channels.length ? q : index.get(extra[q - channels.length].channel)!) : -1);
  L.queueChannel = new Int32Array(nQ);
  L.twin = new Int32Array(nQ).fill(-1);
  L.primary = new Int32Array(nQ).fill(-1);
  L.overflowAfter = new Float64Array(nQ);
  const spec = (q: number) => (q < channels.length ? channels[q] : extra[q - channels.length]);
  const overflowGroups: string[][] = [];
  for (let q = 0; q < nq; q++) L.queueChannel[q] = channelOf(q);
  withOverflow.forEach((id, k) => {
    const q = qIndex.get(id)!;
    const v = nq + k;
    L.twin[q] = v;
    L.primary[v] = q;
    L.queueChannel[v] = L.queueChannel[q];
    L.overflowAfter[q] = spec(q).overflow!.afterSec;
    overflowGroups[k] = spec(q).overflow!.groups;
  });
  L.callbackQueue = new Int32Array(nQ).fill(-1);
  L.isCallback = new Uint8Array(nQ);
  withCallback.forEach((id, k) => {
    const q = qIndex.get(id)!;
    const v = nq + withOverflow.length + k;
    L.callbackQueue[q] = v;
    L.isCallback[v] = 1;
    L.primary[v] = q;
    L.queueChannel[v] = L.queueChannel[q];
  });
  L.queueNames = Array.from({ length: nQ }, (_, q) =>
    q < nq ? L.queueIds[q] : `${L.queueIds[L.primary[q]]}-${L.isCallback[q] ? 'callback' : 'overflow'}`,
  );
  L.kind = Uint8Array.from({ length: nQ }, (_, q) => channelKind[L.queueChannel[q]]);
  L.queuePriority = Float64Array.from({ length: nQ }, (_, q) =>
    L.isCallback[q]
      ? (channels[L.queueChannel[q]].callback?.priority ?? spec(L.primary[q]).priority)
      : spec(q < nq ? q : L.primary[q]).priority,
  );
  L.room = Float64Array.from({ length: nQ }, (_, q) => channels[L.queueChannel[q]].waitingRoom ?? Infinity);

  L.servingGroups = Array.from({ length: nQ }, (_, q) =>
    Int32Array.from(
      groups.flatMap((g, gi) =>
        (
          q < nq ? g.skills.includes(L.queueIds[q])
          : L.isCallback[q] ? g.skills.includes(L.queueIds[L.primary[q]])
          : overflowGroups[q - nq].includes(g.id)
        )
          ? [gi]
          : [],
      ),
    ),
  );
  const byPriority = (qs: number[]) =>
    qs.map((q, i) => ({ q, i })).sort((a, b) => L.queuePriority[b.q] - L.queuePriority[a.q] || a.i - b.i).map((o) => o.q);
  const queuesOf = (gi: number) => Array.from({ length: nQ }, (_, q) => q).filter((q) => L.servingGroups[q].includes(gi));
  const ordered = (gi: number) => {
    // A group's own skills in file order, then the twins it serves.
    const own = groups[gi].skills.map((id) => qIndex.get(id)!);
    return [...own, ...queuesOf(gi).filter((q) => q >= nq)];
  };
  L.groupLiveQueues = groups.map((_, gi) => Int32Array.from(byPriority(ordered(gi).filter((q) => L.kind[q] !== KIND_EMAIL))));
  L.groupQueues = groups.map((_, gi) => {
    const email = byPriority(ordered(gi).filter((q) => L.kind[q] === KIND_EMAIL));
    return Int32Array.from([...L.groupLiveQueues[gi], ...email]);
  });
  L.named = nq;
  L.index = qIndex;
  L.spec = spec;
  L.extra = extra;
  return L;
}
