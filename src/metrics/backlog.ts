/**
 * Backlog of deferred work (email channels): items that arrived (or were waiting at the
 * start) and have not been answered yet. A sweep over +1 at queue entry and −1 at answer
 * gives the exact series; it is reported at each interval end, at the horizon, as its
 * maximum after warm-up, and with the age of the oldest open item at the horizon.
 */
import type { ContactLog } from '../logs/contactLog.js';
import { intervalCount, type KpiRecord } from './contacts.js';
import type { MeasureOptions } from './options.js';

export interface BacklogKpis {
  /** Per deferred channel: backlogEnd, backlogMax, oldestOpenAgeSeconds. */
  channels: Record<string, KpiRecord>;
  /** Per interval, per deferred channel: backlog at the interval's end. */
  intervals: Record<string, KpiRecord>[];
}

/** Backlog KPIs of the email channels of one replication's log. */
export function backlogKpis(log: ContactLog, opts: MeasureOptions): BacklogKpis {
  const ni = intervalCount(opts);
  const channels: Record<string, KpiRecord> = {};
  const intervals: Record<string, KpiRecord>[] = Array.from({ length: ni }, () => ({}));
  const legs = log.legs;
  log.channels.forEach((id, c) => {
    if (log.channelKinds[c] !== 'email') return;
    const times: number[] = [];
    const deltas: number[] = [];
    let oldest = Infinity;
    for (let r = 0; r < legs.length; r++) {
      if (legs.channel[r] !== c) continue;
      const entry = legs.queueEntry[r];
      if (Number.isNaN(entry) || !(entry < opts.horizonSec)) continue;
      times.push(entry);
      deltas.push(1);
      const answer = legs.answer[r];
      if (!Number.isNaN(answer) && answer <= opts.horizonSec) {
        times.push(answer);
        deltas.push(-1);
      } else if (entry < oldest) oldest = entry;
    }
    // Answers before entries at the same instant: an item answered on arrival is never open.
    const order = times.map((_, i) => i).sort((a, b) => times[a] - times[b] || deltas[a] - deltas[b]);
    let open = 0;
    let max = 0;
    let k = 0;
    const counted = (t: number) => {
      while (k < order.length && times[order[k]] <= t) {
        open += deltas[order[k++]];
        if (times[order[k - 1]] >= opts.warmupSec && open > max) max = open;
      }
      return open;
    };
    // The backlog standing at the end of the warm-up counts towards the maximum too.
    max = counted(opts.warmupSec);
    for (let i = 0; i < ni; i++) {
      const end = Math.min(opts.horizonSec, (i + 1) * opts.intervalSec);
      const value = counted(end);
      if (end > opts.warmupSec) intervals[i][id] = { backlog: value };
    }
    channels[id] = {
      backlogEnd: counted(opts.horizonSec),
      backlogMax: max,
      oldestOpenAgeSeconds: oldest < Infinity ? opts.horizonSec - oldest : 0,
    };
  });
  return { channels, intervals };
}
