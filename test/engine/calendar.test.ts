import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/engine/calendar.js';

function drain(cal: Calendar, until = Infinity): [number, number, number][] {
  const out: [number, number, number][] = [];
  while (cal.next(until)) out.push([cal.now, cal.kind, cal.target]);
  return out;
}

describe('Calendar', () => {
  it('orders by time, then priority, then scheduling order', () => {
    const cal = new Calendar(2);
    cal.schedule(5, 3, 1, 0);
    cal.schedule(5, 0, 2, 0);
    cal.schedule(1, 9, 3, 0);
    cal.schedule(5, 0, 4, 0);
    cal.schedule(5, 3, 5, 0);
    expect(drain(cal).map((e) => e[1])).toEqual([3, 2, 4, 1, 5]);
  });

  it('skips cancelled events and keeps the rest', () => {
    const cal = new Calendar();
    const a = cal.schedule(1, 0, 1, 10);
    cal.schedule(2, 0, 2, 20);
    const c = cal.schedule(3, 0, 3, 30);
    cal.cancel(a);
    cal.cancel(c);
    cal.cancel(c);
    expect(drain(cal)).toEqual([[2, 2, 20]]);
  });

  it('run(until) stops after the last event at or before until and leaves later ones queued', () => {
    const cal = new Calendar();
    for (const t of [4, 1, 3, 10, 7]) cal.schedule(t, 0, t, 0);
    const seen: number[] = [];
    cal.run(7, { handle: (k) => void seen.push(k) });
    expect(seen).toEqual([1, 3, 4, 7]);
    expect(cal.now).toBe(7);
    expect(cal.pending).toBe(1);
  });

  it('refuses events in the past', () => {
    const cal = new Calendar();
    cal.schedule(5, 0, 0, 0);
    cal.next(10);
    expect(() => cal.schedule(4, 0, 0, 0)).toThrow(RangeError);
  });

  it('agrees with a sort on many random events, across growth', () => {
    const cal = new Calendar(4);
    const events: [number, number, number][] = [];
    let x = 12345;
    const rand = () => ((x = (x * 1103515245 + 12345) % 2147483648), x / 2147483648);
    for (let i = 0; i < 5000; i++) {
      const t = Math.floor(rand() * 100);
      const p = Math.floor(rand() * 4);
      cal.schedule(t, p, i, 0);
      events.push([t, p, i]);
    }
    events.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    expect(drain(cal).map((e) => e[1])).toEqual(events.map((e) => e[2]));
  });
});

describe('Calendar.nextBefore', () => {
  it('takes only events before (time, priority), so an outside stream merges in order', () => {
    const cal = new Calendar();
    cal.schedule(5, 0, 1, 0); // before an outside event at (5, priority 3)
    cal.schedule(5, 3, 2, 0); // same time and priority: the outside event goes first
    cal.schedule(4, 9, 3, 0); // earlier time wins whatever its priority
    const order: number[] = [];
    while (cal.nextBefore(5, 3, Infinity)) order.push(cal.kind);
    expect(order).toEqual([3, 1]);
    cal.advanceTo(5);
    expect(cal.nextBefore(Infinity, 0, 10)).toBe(true);
    expect(cal.kind).toBe(2);
    expect(() => cal.advanceTo(4)).toThrow(RangeError);
  });
});
