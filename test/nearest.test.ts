/** The one "did you mean" helper: edit distance and the likely-typo rule. */
import { describe, expect, it } from 'vitest';
import { editDistance, nearest } from '../src/nearest.js';

describe('editDistance (optimal string alignment)', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['seed', 'seed', 0],
    ['sed', 'seed', 1], // one insertion
    ['seeds', 'seed', 1], // one deletion
    ['seef', 'seed', 1], // one substitution
    ['replicatoins', 'replications', 1], // one adjacent swap
    ['ca', 'abc', 3], // OSA, not Damerau: the swapped pair may not be edited again
    ['kitten', 'sitting', 3],
  ])('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('nearest', () => {
  const options = ['replications', 'seed', 'json', 'report', 'log', 'workers', 'shard'];

  it('suggests the valid name a typo is closest to, ignoring case', () => {
    expect(nearest('replicatoins', options)).toBe('replications');
    expect(nearest('sed', options)).toBe('seed');
    expect(nearest('JSON', options)).toBe('json');
    expect(nearest('wokrers', options)).toBe('workers');
  });

  it('allows more edits in longer words: a third of the length, at least 2', () => {
    expect(nearest('replcatns', options)).toBe('replications'); // 3 edits in 9 letters
    expect(nearest('rplcatns', options)).toBeUndefined(); // 4 edits in 8 letters
    expect(nearest('jsno', options)).toBe('json'); // 1 edit
  });

  it('suggests nothing for a word unlike every name, or shorter than its distance', () => {
    expect(nearest('colour', options)).toBeUndefined();
    expect(nearest('q', options)).toBeUndefined();
    expect(nearest('x', ['id'])).toBeUndefined();
    expect(nearest('seed', [])).toBeUndefined();
  });

  it('keeps the first of equally near names (the caller orders them)', () => {
    expect(nearest('ab', ['ax', 'xb'])).toBe('ax');
  });
});
