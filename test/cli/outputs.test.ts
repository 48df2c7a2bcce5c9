/**
 * Output safety through the real CLI: no command writes over one of its inputs, outside the
 * folder it was given, or over an earlier result it may not replace; `--force` relaxes only
 * the last; write failures are exit 2. Tiny scenarios in temp folders keep every run short.
 */
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'ccsim-outputs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
/** A fresh folder for one test. */
const fresh = () => {
  const d = join(root, `t${++n}`);
  mkdirSync(d);
  return d;
};

/** A scenario that simulates in milliseconds. */
function tiny(name: string, extra = ''): string {
  return `name: ${JSON.stringify(name)}
seed: 1
replications: 2
horizon: 2h
channels:
  voice:
    kind: call
    arrivals: { perHour: 60 }
    handle: { dist: exponential, mean: 180 }
    target: { serviceLevel: 0.8, within: 20s }
groups:
  team:
    agents: 5
    skills: [voice]
${extra}`;
}

function write(path: string, text: string): string {
  writeFileSync(path, text);
  return path;
}

/** A tiny scenario as JSON (a scenario file may be named like an output: summary.json). */
function tinyJson(path: string): string {
  return write(path, JSON.stringify({ name: 'tiny', seed: 1, replications: 2, horizon: '2h', channels: { voice: { kind: 'call', arrivals: { perHour: 60 }, handle: { dist: 'exponential', mean: 180 } } }, groups: { team: { agents: 5, skills: ['voice'] } } }));
}

/** Every file below dir, relative to it, sorted. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, '.ccsim-manifest.json'), 'utf8'));

describe('run --report: a folder ccsim regenerates', () => {
  it('runs twice into the same folder (the second replaces the first), with a manifest listing the files and the command', async () => {
    const d = fresh();
    const s = write(join(d, 's.yaml'), tiny('tiny'));
    const report = join(d, 'report');
    expect((await cli('run', s, '--report', report)).code).toBe(0);
    const again = await cli('run', s, '--report', report);
    expect(again.code, again.err).toBe(0);
    expect(manifest(report)).toEqual({ format: 'ccsim-output', version: 1, command: 'run', files: tree(report).filter((f) => f !== '.ccsim-manifest.json') });
    expect(manifest(report).files).toContain('index.html');
  });

  it('refuses a non-empty folder without a manifest unless --force, which keeps the other files', async () => {
    const d = fresh();
    const s = write(join(d, 's.yaml'), tiny('tiny'));
    const report = join(d, 'mine');
    mkdirSync(report);
    write(join(report, 'notes.txt'), 'my notes');
    const r = await cli('run', s, '--report', report);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`ccsim: --report: '${report}' is not empty and has no .ccsim-manifest.json, so it is not a folder ccsim wrote. Fix: choose a new or empty folder, or pass --force to write into it (files of the same names are replaced, other files stay)\n`);
    expect(tree(report)).toEqual(['notes.txt']);
    expect((await cli('run', s, '--report', report, '--force')).code).toBe(0);
    expect(readFileSync(join(report, 'notes.txt'), 'utf8')).toBe('my notes');
    expect(manifest(report).files).not.toContain('notes.txt');
  });

  it('refuses to replace a file its manifest does not list, or a folder of another command, unless --force', async () => {
    const d = fresh();
    const s = write(join(d, 's.yaml'), tiny('tiny'));
    const report = join(d, 'report');
    await cli('run', s, '--report', report);
    const m = manifest(report);
    write(join(report, '.ccsim-manifest.json'), JSON.stringify({ ...m, files: m.files.filter((f: string) => f !== 'index.html') }));
    write(join(report, 'index.html'), 'a page I wrote');
    const foreign = await cli('run', s, '--report', report);
    expect(foreign.code).toBe(2);
    expect(foreign.err).toMatch(/--report: '.*index\.html' would be replaced, but ccsim did not write it .*pass --force/);
    expect(readFileSync(join(report, 'index.html'), 'utf8')).toBe('a page I wrote');
    expect((await cli('run', s, '--report', report, '--force')).code).toBe(0);

    write(join(report, '.ccsim-manifest.json'), JSON.stringify({ ...m, command: 'staff' }));
    const other = await cli('run', s, '--report', report);
    expect(other.code).toBe(2);
    expect(other.err).toMatch(/holds the output of ccsim staff, not of ccsim run\. Fix: .*--force/);
  });

  it('removes the files of the previous run that this one does not write, but never a name that points outside', async () => {
    const d = fresh();
    const s = write(join(d, 's.yaml'), tiny('tiny'));
    const report = join(d, 'report');
    await cli('run', s, '--report', report);
    write(join(report, 'old-chart.svg'), '<svg/>');
    write(join(d, 'outside.txt'), 'keep me');
    const m = manifest(report);
    write(join(report, '.ccsim-manifest.json'), JSON.stringify({ ...m, files: [...m.files, 'old-chart.svg', '../outside.txt', '/etc/hostname'] }));
    expect((await cli('run', s, '--report', report)).code).toBe(0);
    expect(existsSync(join(report, 'old-chart.svg'))).toBe(false);
    expect(readFileSync(join(d, 'outside.txt'), 'utf8')).toBe('keep me');
    expect(manifest(report).files).not.toContain('../outside.txt');
  });

  it('refuses a report over its own scenario (run d/summary.json --report d), even with --force, before simulating', async () => {
    const d = fresh();
    const s = tinyJson(join(d, 'summary.json'));
    const before = readFileSync(s, 'utf8');
    for (const force of [[], ['--force']]) {
      const r = await cli('run', s, '--report', d, ...force);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^ccsim: --report: refusing to write output over the input file '.*summary\.json'/);
      expect(r.out).toBe('');
    }
    expect(readFileSync(s, 'utf8')).toBe(before);
  });

  it('sees through symbolic links: a report file that links to the scenario is refused', async () => {
    const d = fresh();
    const s = tinyJson(join(d, 'scenario.json'));
    const report = join(d, 'report');
    mkdirSync(report);
    symlinkSync(s, join(report, 'summary.json'));
    const r = await cli('run', s, '--report', report, '--force');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/refusing to write output over the input file '.*report\/summary\.json'/);
    expect(JSON.parse(readFileSync(s, 'utf8')).name).toBe('tiny');
  });

  it.each([
    ['an existing file', (d: string) => write(join(d, 'file.txt'), 'x'), /'.*file\.txt' is a file, not a folder/],
    ['/dev/null', () => '/dev/null', /'\/dev\/null' is a device, not a folder/],
    ['a path under a regular file (ENOTDIR)', (d: string) => join(write(join(d, 'file.txt'), 'x'), 'sub'), /cannot write '.*file\.txt\/sub.*': a part of the path is a file, not a folder/],
  ])('--report onto %s is exit 2 with the reason', async (_, target, message) => {
    const d = fresh();
    const s = write(join(d, 's.yaml'), tiny('tiny'));
    const r = await cli('run', s, '--report', target(d));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/internal error/);
  });
});

describe('run --log: a log holds data', () => {
  it('refuses to replace an earlier log (or one of its side files) unless --force', async () => {
    const d = fresh();
    const s = write(join(d, 's.yaml'), tiny('tiny'));
    const log = join(d, 'calls.csv');
    expect((await cli('run', s, '--log', log)).code).toBe(0);
    write(log, 'precious data\n');
    const second = await cli('run', s, '--log', log);
    expect(second.code).toBe(2);
    expect(second.err).toBe(`ccsim: --log: '${log}' already exists and holds a contact log (data). Fix: choose another path, or pass --force to replace it\n`);
    expect(readFileSync(log, 'utf8')).toBe('precious data\n');
    expect((await cli('run', s, '--log', log, '--force')).code).toBe(0);
    expect(readFileSync(log, 'utf8')).toMatch(/^replication,contact,leg,/);

    const other = join(d, 'other.csv');
    write(join(d, 'other.agents.csv'), 'agents I keep\n');
    const side = await cli('run', s, '--log', other);
    expect(side.code).toBe(2);
    expect(side.err).toMatch(/'.*other\.agents\.csv' already exists/);
    expect(existsSync(other)).toBe(false);
  });

  it('refuses a side file that is the scenario (run d/x.meta.json --log d/x.csv), even with --force; also through ./ and hard links', async () => {
    const d = fresh();
    const s = tinyJson(join(d, 'x.meta.json'));
    const before = readFileSync(s, 'utf8');
    const r = await cli('run', `${d}/./x.meta.json`, '--log', join(d, 'x.csv'), '--force');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^ccsim: --log: refusing to write output over the input file '.*x\.meta\.json'/);
    linkSync(s, join(d, 'y.agents.csv'));
    const hard = await cli('run', s, '--log', join(d, 'y.csv'), '--force');
    expect(hard.code).toBe(2);
    expect(hard.err).toMatch(/input file '.*y\.agents\.csv'/);
    expect(readFileSync(s, 'utf8')).toBe(before);
    expect(tree(d)).toEqual(['x.meta.json', 'y.agents.csv']);
  });

  it('refuses a log the report would overwrite, and a log path under a regular file, before simulating', async () => {
    const d = fresh();
    const s = write(join(d, 's.yaml'), tiny('tiny'));
    const report = join(d, 'report');
    const clash = await cli('run', s, '--report', report, '--log', join(report, 'intervals.csv'));
    expect(clash.code).toBe(2);
    expect(clash.err).toMatch(/--report: '.*report\/intervals\.csv' is also written by --log/);
    const under = await cli('run', s, '--log', join(write(join(d, 'file.txt'), 'x'), 'calls.csv'));
    expect(under.code).toBe(2);
    expect(under.err).toMatch(/--log: cannot write .*a part of the path is a file, not a folder/);
    expect(tree(d)).toEqual(['file.txt', 's.yaml']);
  });
});

describe('metrics, compare, sweep --report', () => {
  it('metrics d/intervals.csv --report d: refused (the log is an input), even with --force; its own folder repeats', async () => {
    const d = fresh();
    const s = write(join(d, 's.yaml'), tiny('tiny'));
    const folder = join(d, 'd');
    const log = join(folder, 'intervals.csv');
    expect((await cli('run', s, '--log', log)).code).toBe(0);
    const before = readFileSync(log, 'utf8');
    for (const force of [[], ['--force']]) {
      const r = await cli('metrics', log, '--report', folder, ...force);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^ccsim: --report: refusing to write output over the input file '.*intervals\.csv'/);
      expect(r.out).toBe('');
    }
    expect(readFileSync(log, 'utf8')).toBe(before);
    const elsewhere = join(d, 'metrics-report');
    expect((await cli('metrics', log, '--report', elsewhere)).code).toBe(0);
    expect((await cli('metrics', log, '--report', elsewhere)).code).toBe(0);
    expect(manifest(elsewhere).command).toBe('metrics');
  });

  it('sweep and compare refuse a report over one of their scenarios, even with --force, and repeat into their own folder', async () => {
    const d = fresh();
    const a = write(join(d, 'a.yaml'), tiny('a'));
    const s = tinyJson(join(d, 'summary.json'));
    const sweep = await cli('sweep', s, '--set', 'groups.team.agents=4..5', '-r', '1', '--report', d, '--force');
    expect(sweep.code).toBe(2);
    expect(sweep.err).toMatch(/--report: refusing to write output over the input file '.*summary\.json'/);
    const compare = await cli('compare', a, s, '-r', '1', '--report', d, '--force');
    expect(compare.code).toBe(2);
    expect(compare.err).toMatch(/--report: refusing to write output over the input file '.*summary\.json'/);
    expect(JSON.parse(readFileSync(s, 'utf8')).name).toBe('tiny');
    const out = join(d, 'sweep');
    for (let i = 0; i < 2; i++) expect((await cli('sweep', a, '--set', 'groups.team.agents=4..5', '-r', '1', '--report', out)).code).toBe(0);
    expect(manifest(out).command).toBe('sweep');
  });

  it('refuses a report over an empirical CSV the scenario reads', async () => {
    const d = fresh();
    write(join(d, 'kpis.csv'), 'seconds\n120\n180\n300\n');
    const s = write(join(d, 's.yaml'), tiny('tiny').replace('{ dist: exponential, mean: 180 }', '{ dist: empirical, csv: kpis.csv, column: seconds }'));
    const r = await cli('sweep', s, '--set', 'groups.team.agents=4..5', '-r', '1', '--report', d, '--force');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/refusing to write output over the input file '.*kpis\.csv'/);
    expect(readFileSync(join(d, 'kpis.csv'), 'utf8')).toBe('seconds\n120\n180\n300\n');
  });
});

describe('names in paths', () => {
  /** Run fn with the working directory at dir: default output paths are relative to it. */
  async function inDir<T>(dir: string, fn: () => Promise<T>): Promise<T> {
    const was = process.cwd();
    process.chdir(dir);
    try {
      return await fn();
    } finally {
      process.chdir(was);
    }
  }

  it("staff: a scenario named '../../../tmp/x' writes only inside reports/ (default) or inside --out", async () => {
    const d = fresh();
    const s = write(join(d, 's.yaml'), tiny('../../../tmp/x'));
    const r = await inDir(d, () => cli('staff', 's.yaml', '--confidence', '0.5', '-r', '1'));
    expect(r.code, r.err).toBe(0);
    const files = tree(d);
    expect(files.filter((f) => !f.startsWith('reports/tmp-x-staff/'))).toEqual(['s.yaml']);
    expect(files).toContain('reports/tmp-x-staff/tmp-x-staffed.yaml');
    expect(files).toContain('reports/tmp-x-staff/.ccsim-manifest.json');

    const out = join(d, 'out');
    expect((await cli('staff', s, '--confidence', '0.5', '-r', '1', '--out', out)).code).toBe(0);
    expect((await cli('staff', s, '--confidence', '0.5', '-r', '1', '--out', out)).code).toBe(0); // again: its own folder
    expect(tree(out)).toContain('tmp-x-staffed.yaml');
    expect(tree(d).filter((f) => !f.startsWith('reports/tmp-x-staff/') && !f.startsWith('out/'))).toEqual(['s.yaml']);
  });

  it.each([
    ['Bank A/B', 'Bank A/B', 'Bank-A-B'],
    ['of 5,000 characters', 'x'.repeat(5000), /^x{91}-[0-9a-f]{8}$/],
  ])('staff: a scenario named %s gets the folder reports/<safe name>-staff', async (_, name, stem) => {
    const d = fresh();
    write(join(d, 's.yaml'), tiny(name));
    const r = await inDir(d, () => cli('staff', 's.yaml', '--confidence', '0.5', '-r', '1'));
    expect(r.code, r.err).toBe(0);
    const [folder] = readdirSync(join(d, 'reports'));
    expect(folder.replace(/-staff$/, '')).toMatch(typeof stem === 'string' ? new RegExp(`^${stem}$`) : stem);
  });

  it('staff refuses a staffed scenario over its own scenario, even with --force', async () => {
    const d = fresh();
    const s = write(join(d, 'q-staffed.yaml'), tiny('q'));
    const r = await cli('staff', s, '--confidence', '0.5', '-r', '1', '--out', d, '--force');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--out: refusing to write output over the input file '.*q-staffed\.yaml'/);
    expect(readFileSync(s, 'utf8')).toBe(tiny('q'));
  });

  it("whatif: a scenario named '../../x' writes reports/x/whatif.html; a foreign --out file or a folder is refused", async () => {
    const d = fresh();
    const s = write(join(d, 's.yaml'), tiny('../../x'));
    const vary = ['--vary', 'groups.team.agents=4..5', '-r', '1'];
    const r = await inDir(d, () => cli('whatif', 's.yaml', ...vary));
    expect(r.code, r.err).toBe(0);
    expect(tree(d)).toEqual(['reports/x/whatif.html', 's.yaml']);
    expect((await inDir(d, () => cli('whatif', 's.yaml', ...vary))).code).toBe(0); // its own page is replaced
    const page = write(join(d, 'page.html'), '<p>mine</p>');
    const foreign = await cli('whatif', s, ...vary, '--out', page);
    expect(foreign.code).toBe(2);
    expect(foreign.err).toMatch(/--out: '.*page\.html' exists and was not written by ccsim whatif\. Fix: .*--force/);
    expect((await cli('whatif', s, ...vary, '--out', page, '--force')).code).toBe(0);
    mkdirSync(join(d, 'dir.html'));
    expect((await cli('whatif', s, ...vary, '--out', join(d, 'dir.html'))).err).toMatch(/is a folder, not a file ccsim can replace/);
  });
});

describe('check: JUnit files and baselines', () => {
  const EXPECT = 'expect:\n  voice.serviceLevel: { min: 0 }\n';

  it('--junit replaces its own file, refuses a foreign file unless --force, and refuses a folder or a baseline (an input) always', async () => {
    const d = fresh();
    const s = write(join(d, 's.yaml'), tiny('s', EXPECT));
    const junit = join(d, 'check.xml');
    expect((await cli('check', s, '--junit', junit)).code).toBe(0);
    expect((await cli('check', s, '--junit', junit)).code).toBe(0);
    const mine = write(join(d, 'mine.xml'), '<?xml version="1.0"?>\n<testsuites name="other tool"/>\n');
    const foreign = await cli('check', s, '--junit', mine);
    expect(foreign.code).toBe(2);
    expect(foreign.err).toMatch(/--junit: '.*mine\.xml' exists and was not written by ccsim check/);
    expect((await cli('check', s, '--junit', mine, '--force')).code).toBe(0);
    const folder = await cli('check', s, '--junit', d);
    expect(folder.code).toBe(2);
    expect(folder.err).toMatch(/--junit: '.*' is a folder, not a file ccsim can replace/);

    const b = write(join(d, 'b.yaml'), tiny('b'));
    expect((await cli('check', b, '--update')).code).toBe(0);
    const baseline = join(d, 'baselines', 'b.json');
    const before = readFileSync(baseline, 'utf8');
    const over = await cli('check', b, '--junit', baseline, '--force');
    expect(over.code).toBe(2);
    expect(over.err).toMatch(/--junit: refusing to write output over the input file '.*baselines\/b\.json'/);
    expect(readFileSync(baseline, 'utf8')).toBe(before);
    // A baseline the run does not read is still not a JUnit file ccsim wrote.
    const notRead = await cli('check', s, '--junit', baseline);
    expect(notRead.code).toBe(2);
    expect(notRead.err).toMatch(/was not written by ccsim check/);
  });

  it('--baselines must be a folder, with or without --update; --update never writes a baseline over a scenario or two into one file', async () => {
    const d = fresh();
    const s = write(join(d, 's.yaml'), tiny('s'));
    const file = write(join(d, 'file.txt'), 'x');
    for (const update of [[], ['--update']]) {
      const r = await cli('check', s, '--baselines', file, ...update);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/--baselines: '.*file\.txt' is a file, but --baselines names the folder of baseline files/);
    }
    const under = await cli('check', s, '--baselines', join(file, 'sub'), '--update');
    expect(under.code).toBe(2);
    expect(under.err).toMatch(/a part of the path is a file, not a folder/);

    const j = tinyJson(join(d, 'j.json'));
    const over = await cli('check', j, '--baselines', d, '--update');
    expect(over.code).toBe(2);
    expect(over.err).toMatch(/--update: refusing to write output over the input file '.*j\.json'/);
    expect(JSON.parse(readFileSync(j, 'utf8')).name).toBe('tiny');

    mkdirSync(join(d, 'other'));
    const twin = write(join(d, 'other', 's.yaml'), tiny('s2'));
    const both = await cli('check', s, twin, '--baselines', join(d, 'common'), '--update');
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/would both record their baseline in '.*common\/s\.json'/);
    expect(existsSync(join(d, 'common'))).toBe(false);
  });
});
