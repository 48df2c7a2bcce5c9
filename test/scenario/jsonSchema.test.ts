import { describe, it, expect } from 'vitest';
import { scenarioJsonSchema, readScenarioFile } from '../../src/scenario/index.js';

type Node = Record<string, any>;

/** Every property name used anywhere in a JSON Schema. */
function propertyNames(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => propertyNames(n, out));
  else if (node && typeof node === 'object') {
    const n = node as Node;
    if (n.properties) Object.keys(n.properties).forEach((k) => out.add(k));
    Object.values(n).forEach((v) => propertyNames(v, out));
  }
  return out;
}

/** Every key of a parsed YAML document, except map keys that are ids (channel and group names). */
function fileKeys(value: unknown, out = new Set<string>(), idMap = false): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => fileKeys(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (!idMap) out.add(k);
      fileKeys(v, out, !idMap && (k === 'channels' || k === 'groups'));
    }
  }
  return out;
}

describe('scenarioJsonSchema', () => {
  const schema = scenarioJsonSchema() as Node;

  it('is JSON with $schema and title', () => {
    const text = JSON.stringify(schema);
    expect(JSON.parse(text)).toEqual(schema);
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.title).toBe('ccsim scenario');
    expect(schema.type).toBe('object');
  });

  it('describes channels and groups, and requires what the file format requires', () => {
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['channels', 'groups', 'horizon', 'name']));
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'horizon', 'channels', 'groups']));
    expect(schema.required).not.toContain('seed');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.channels.propertyNames.pattern).toBe('^[A-Za-z][A-Za-z0-9_-]*$');
  });

  it('shows durations as a number or a string', () => {
    const types = (schema.properties.horizon.anyOf as Node[]).map((b) => b.type).sort();
    expect(types).toEqual(['number', 'string']);
    expect(schema.properties.seed.default).toBe(1);
  });

  it('describes the weekday, opening-hours, roster, chat, email and shrinkage fields', () => {
    const known = propertyNames(schema);
    for (const key of ['startDay', 'open', 'forecastError', 'initialBacklog', 'count', 'age', 'chatConcurrency', 'chatSlowdown',
      'mixChatAndCalls', 'shrinkage', 'share', 'mode', 'shifts', 'start', 'length', 'days', 'breaks', 'at', 'within']) {
      expect(known, key).toContain(key);
    }
    expect(schema.properties.startDay.enum).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
    expect(schema.properties.startDay.default).toBe('mon');
    const group = schema.properties.groups.additionalProperties.properties;
    expect(group.chatConcurrency).toMatchObject({ type: 'integer', minimum: 1, default: 1 });
    expect(group.chatSlowdown).toMatchObject({ minimum: 1, default: 1 });
    expect(group.mixChatAndCalls).toMatchObject({ type: 'boolean', default: false });
    for (const field of ['chatConcurrency', 'chatSlowdown', 'mixChatAndCalls', 'shrinkage']) {
      expect(group[field].description, field).toBeTruthy();
    }
    const channel = schema.properties.channels.additionalProperties.properties;
    for (const field of ['open', 'forecastError', 'initialBacklog']) expect(channel[field].description, field).toBeTruthy();
    const open = JSON.stringify(channel.open);
    expect(open).toContain('24/7');
    expect(open).toContain('propertyNames');
  });

  it('knows every key of the conformance example', () => {
    const known = propertyNames(schema);
    const used = fileKeys(readScenarioFile('test/fixtures/conformance.yaml'));
    for (const key of used) expect(known, key).toContain(key);
  });
});
