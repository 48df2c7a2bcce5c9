/**
 * What makes a scenario something Erlang A (or C) does not describe. Erlang A is one queue
 * of calls, Poisson arrivals at a constant rate, a fixed number of agents, and callers who
 * either wait or leave; anything else here changes the queue itself, so an analytic curve
 * beside such a scenario's simulation would mislead. Used by `sweep`'s overlay.
 */
import type { Scenario } from './types.js';

/** The features of `s` outside the Erlang A model, in words; empty when Erlang A applies. */
export function nonErlangFeatures(s: Scenario): string[] {
  const channels = Object.values(s.channels);
  const groups = Object.values(s.groups);
  const out: string[] = [];
  if (channels.length !== 1) out.push(`${channels.length} channels`);
  if (groups.length !== 1) out.push(`${groups.length} agent groups`);
  if (Object.keys(s.queues ?? {}).length > 0) out.push('named queues');
  for (const c of channels) {
    const rates = c.arrivals.ratesPerSec;
    if (c.kind !== 'call') out.push(`${c.kind} contacts`);
    if (c.arrivalTimesSec) out.push('scripted arrival times');
    else if (!rates.every((r) => r === rates[0])) out.push('arrival rates that vary over time');
    const features: [unknown, string][] = [
      [c.open, 'opening hours'],
      [c.forecastErrorCv, 'forecast error'],
      [c.initialBacklog, 'an initial backlog'],
      [c.waitingRoom !== undefined, 'a finite waiting room'],
      [c.retrial, 'retrials'],
      [c.callback, 'callbacks'],
      [c.ivr, 'an IVR'],
      [c.repeat, 'repeat contacts'],
      [c.escalation, 'escalation'],
      [c.overflow, 'overflow'],
      [c.unresolved === 'callback', 'callbacks for unresolved issues'],
    ];
    for (const [on, name] of features) if (on) out.push(name);
  }
  for (const g of groups) {
    if (g.staffing.kind !== 'constant') out.push('staffing that varies over time');
    if (g.shrinkage) out.push('shrinkage');
  }
  return out;
}
