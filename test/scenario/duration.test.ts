import { describe, it, expect } from 'vitest';
import { formatDuration, intervalCount, parseClockTime, parseDuration } from '../../src/scenario/index.js';

describe('parseDuration', () => {
  const table: [unknown, number | undefined][] = [
    [0, 0],
    [30, 30],
    [1.5, 1.5],
    ['30', 30],
    [' 30 ', 30],
    ['20s', 20],
    ['4m', 240],
    ['1.5h', 5400],
    ['8h', 28800],
    ['1d', 86400],
    ['2w', 1209600],
    ['0.5m', 30],
    ['.5h', 1800],
    ['5 m', 300],
    ['1e3', 1000],
    ['abc', undefined],
    ['12 hours', undefined],
    ['8H', undefined],
    ['h', undefined],
    ['', undefined],
    ['-5m', undefined],
    [-1, undefined],
    [Number.NaN, undefined],
    [Number.POSITIVE_INFINITY, undefined],
    [true, undefined],
    [null, undefined],
    [undefined, undefined],
    [{ h: 1 }, undefined],
  ];
  it.each(table)('%j → %j', (input, seconds) => {
    expect(parseDuration(input)).toBe(seconds);
  });
});

describe('formatDuration', () => {
  it.each([
    [43200, '12h'],
    [5400, '90m'],
    [1800, '30m'],
    [86400, '1d'],
    [604800, '1w'],
    [20, '20s'],
    [7.5, '7.5s'],
    [0, '0s'],
  ])('%d → %s', (sec, text) => {
    expect(formatDuration(sec)).toBe(text);
    expect(parseDuration(text)).toBe(sec);
  });
});

describe('parseClockTime', () => {
  it.each([
    ['00:00', 0],
    ['08:00', 28800],
    ['8:30', 30600],
    ['23:59:30', 86370],
    ['24:00', undefined],
    ['08:60', undefined],
    ['8h', undefined],
    [800, undefined],
  ])('%j → %j', (input, sec) => {
    expect(parseClockTime(input)).toBe(sec);
  });
});

describe('intervalCount', () => {
  it('is ceil(horizon / interval), immune to floating-point dust', () => {
    expect(intervalCount(43200, 1800)).toBe(24);
    expect(intervalCount(43201, 1800)).toBe(25);
    expect(intervalCount(0.3 * 3, 0.1 * 3)).toBe(3);
    expect(intervalCount(100, 3600)).toBe(1);
  });
});
