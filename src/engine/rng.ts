/**
 * Named random streams derived from one master seed.
 *
 * Each purpose (arrivals of a channel, its handle times, patience, routing …) draws from
 * its own stream, seeded from (master seed, replication, stream name). Adding a draw in
 * one stream never shifts another, replication r is computable alone, and two scenarios
 * that share a stream name see the same numbers (common random numbers).
 */
import seedrandom from 'seedrandom';

/** A uniform generator on [0, 1). */
export interface Rng {
  next(): number;
}

class AleaStream implements Rng {
  private readonly prng: () => number;
  constructor(seed: string) {
    // Alea: fast, 2^116 period, and seeded from a string hash, so derived names need no hand-picked seeds.
    this.prng = seedrandom.alea(seed);
  }
  next(): number {
    return this.prng();
  }
}

/** The seed string of one stream; exported so tests and docs can show the derivation. */
export function streamSeed(masterSeed: number, replication: number, name: string): string {
  return `ccsim:${masterSeed}:${replication}:${name}`;
}

/** One replication's streams; asking twice for a name returns the same stream. */
export class RngStreams {
  private readonly streams = new Map<string, Rng>();
  constructor(
    readonly masterSeed: number,
    readonly replication: number,
  ) {}

  stream(name: string): Rng {
    let s = this.streams.get(name);
    if (!s) {
      s = new AleaStream(streamSeed(this.masterSeed, this.replication, name));
      this.streams.set(name, s);
    }
    return s;
  }
}
