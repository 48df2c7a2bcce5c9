/** safeSegment: a scenario name as one path segment that cannot leave its parent folder. */
import fc from 'fast-check';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeSegment } from '../../src/logs/safeName.js';

describe('safeSegment', () => {
  it.each([
    ['retail-bank-day', 'retail-bank-day'],
    ['Bank A/B', 'Bank-A-B'],
    ['../../../tmp/x', 'tmp-x'],
    ['..', 'scenario'],
    ['.', 'scenario'],
    ['', 'scenario'],
    ['   ', 'scenario'],
    ['.hidden', 'hidden'],
    ['-rf', 'rf'],
    ['a\0b', 'a-b'],
    ['tab\there\nnewline\u007f', 'tab-here-newline'],
    ['a<b>c:d"e|f?g*h\\i', 'a-b-c-d-e-f-g-h-i'],
    ['trailing dot.', 'trailing-dot'],
    ['CON', '_CON'],
    ['lpt1.txt', '_lpt1.txt'],
    ['Zürich 2027', 'Zürich-2027'],
    ['v1.2_final', 'v1.2_final'],
  ])('%j → %j', (name, safe) => {
    expect(safeSegment(name)).toBe(safe);
  });

  it('shortens a 5,000-character name to 100 bytes ending in a hash, so that distinct long names stay distinct', () => {
    const a = safeSegment('x'.repeat(5000));
    const b = safeSegment('x'.repeat(4999) + 'y');
    expect(Buffer.byteLength(a)).toBeLessThanOrEqual(100);
    expect(a).toMatch(/^x{91}-[0-9a-f]{8}$/);
    expect(b).not.toBe(a);
    expect(Buffer.byteLength(safeSegment('ü'.repeat(3000)))).toBeLessThanOrEqual(100);
  });

  it('for any text: a non-empty segment of at most 100 bytes, without separators or NUL, that stays inside its parent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (name) => {
        const s = safeSegment(name);
        expect(s.length).toBeGreaterThan(0);
        expect(Buffer.byteLength(s)).toBeLessThanOrEqual(100);
        expect(s).not.toMatch(/[/\\\0<>:"|?*\u0000-\u001f]/);
        expect(s).not.toMatch(/^[.-]/);
        const inside = relative(resolve('reports'), resolve(join('reports', s)));
        expect(inside).toBe(s);
      }),
      { numRuns: 500 },
    );
  });
});
