/**
 * IVR and chat-bot menu trees. A tree is compiled once into index arrays; `walk` takes a
 * caller from the start node to an exit, drawing every number from the one stream it is
 * given (`ivr:<channel>`), in a fixed order per node: time at the node, then one uniform
 * for abandon / contain / go on, then one for the branch (or, at a leaf, one for a
 * misroute and the misrouted leg's handle time).
 */
import { makeSampler, type Rng, type Sampler } from '../engine/index.js';
import type { IvrTree } from '../scenario/types.js';

export const IVR_ROUTED = 1;
export const IVR_CONTAINED = 2;
export const IVR_ABANDONED = 3;

/** A walk longer than this (a loop with an exit that is rarely taken) ends as an IVR abandon. */
const MAX_STEPS = 1000;

export class CompiledIvr {
  private readonly start: number;
  private readonly time: (Sampler | undefined)[];
  private readonly abandon: Float64Array;
  private readonly contain: Float64Array;
  private readonly branchTo: Int32Array[];
  private readonly branchCum: Float64Array[];
  private readonly queue: Int32Array;
  private readonly misShare: Float64Array;
  private readonly misQueue: Int32Array;
  private readonly misHandle: (Sampler | undefined)[];

  /** Results of the last walk. */
  timeSec = 0;
  outcome = 0;
  /** Queue the contact enters (the wrong one when misrouted). */
  queueIndex = -1;
  /** When misrouted: the right queue (−1 otherwise) and the wrong queue's handle time. */
  rightQueue = -1;
  misrouteTalkSec = 0;

  constructor(tree: IvrTree, queueIndex: (id: string) => number) {
    const ids = Object.keys(tree.nodes);
    const at = new Map(ids.map((id, i) => [id, i]));
    const nodes = ids.map((id) => tree.nodes[id]);
    this.start = at.get(tree.start)!;
    this.time = nodes.map((n) => (n.time ? makeSampler(n.time) : undefined));
    this.abandon = Float64Array.from(nodes, (n) => n.abandon);
    this.contain = Float64Array.from(nodes, (n) => n.contain);
    this.branchTo = nodes.map((n) => Int32Array.from(n.branches, (b) => at.get(b.to)!));
    this.branchCum = nodes.map((n) => {
      let cum = 0;
      return Float64Array.from(n.branches, (b) => (cum += b.probability));
    });
    this.queue = Int32Array.from(nodes, (n) => (n.queue !== undefined ? queueIndex(n.queue) : -1));
    this.misShare = Float64Array.from(nodes, (n) => n.misroute?.share ?? 0);
    this.misQueue = Int32Array.from(nodes, (n) => (n.misroute ? queueIndex(n.misroute.queue) : -1));
    this.misHandle = nodes.map((n) => (n.misroute ? makeSampler(n.misroute.handle) : undefined));
  }

  /** Walk one caller through the tree; the result is left in the public fields. */
  walk(rng: Rng): void {
    let node = this.start;
    let time = 0;
    this.rightQueue = -1;
    this.queueIndex = -1;
    for (let step = 0; step < MAX_STEPS; step++) {
      const sampler = this.time[node];
      if (sampler) time += sampler.sample(rng);
      const u = rng.next();
      if (u < this.abandon[node]) return this.end(time, IVR_ABANDONED);
      if (u < this.abandon[node] + this.contain[node]) return this.end(time, IVR_CONTAINED);
      const q = this.queue[node];
      if (q >= 0) {
        this.queueIndex = q;
        if (this.misShare[node] > 0 && rng.next() < this.misShare[node]) {
          this.rightQueue = q;
          this.queueIndex = this.misQueue[node];
          this.misrouteTalkSec = this.misHandle[node]!.sample(rng);
        }
        return this.end(time, IVR_ROUTED);
      }
      const v = rng.next();
      const cum = this.branchCum[node];
      let k = 0;
      while (k < cum.length - 1 && v >= cum[k]) k++;
      node = this.branchTo[node][k];
    }
    this.end(time, IVR_ABANDONED);
  }

  private end(timeSec: number, outcome: number): void {
    this.timeSec = timeSec;
    this.outcome = outcome;
  }
}
