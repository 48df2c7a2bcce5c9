/** `ccsim whatif <scenario> --vary PATH=FROM..TO[:STEP] ...`: precompute a grid and write the trainer's slider page. */
import { extname, join } from 'node:path';
import type { CommandModule } from 'yargs';
import { prepareRegeneratedFile, writeOutputFile, type OutputGuard } from '../../logs/outputs.js';
import { safeSegment } from '../../logs/safeName.js';
import { InputError } from '../../messages.js';
import { parseVary } from '../../plan/vary.js';
import { whatIfWriters } from '../lazyReport.js';
import { buildScenario, readScenarioFile } from '../../scenario/index.js';
import { io } from '../io.js';
import { FORCE_OPTION } from '../force.js';
import { scenarioInputs } from '../inputs.js';
import { positiveInt, seedFlag } from '../options.js';
import { progress } from '../progress.js';

interface WhatIfArgs {
  scenario: string;
  vary: string[];
  replications?: string;
  seed?: string;
  out?: string;
  force?: boolean;
}

/** The tag in the head of every page ccsim writes (report/html.ts). */
const GENERATOR_TAG = '<meta name="generator" content="ccsim">';

/** Few replications by default: a page for a classroom, not a staffing decision. */
const DEFAULT_REPLICATIONS = 3;

export const whatifCommand: CommandModule<object, WhatIfArgs> = {
  command: 'whatif <scenario>',
  describe: "precompute a grid of scenarios (common random numbers) and write an offline HTML page whose sliders pick the point",
  builder: (y) =>
    y
      .positional('scenario', { type: 'string', demandOption: true, describe: 'scenario file (.yaml, .yml or .json)' })
      .option('vary', { type: 'string', array: true, demandOption: true, describe: 'PATH=FROM..TO[:STEP] (or PATH=V1,V2,...): one slider; repeat for more' })
      .option('replications', { alias: 'r', type: 'string', describe: `replications per grid point (default ${DEFAULT_REPLICATIONS})` })
      .option('seed', { type: 'string', describe: "master seed, the same for every point (default: the scenario's)" })
      .option('out', { type: 'string', describe: 'the HTML file to write (default reports/<scenario name>/whatif.html)' })
      .option('force', FORCE_OPTION)
      .example('$0 whatif scenarios/single-queue-erlang-a.yaml --vary groups.team.agents=18..30 --vary channels.voice.volume=0.8..1.2:0.1', 'agents and volume sliders')
      .example('$0 whatif scenarios/retail-bank-day.yaml --vary channels.accounts.volume=0.8..1.3:0.1 --out bank-whatif.html', 'one slider, a chosen file'),
  handler: async (argv) => {
    const { runWhatIf, whatIfHtml } = await whatIfWriters();
    const file = argv.scenario;
    const raw = readScenarioFile(file);
    const base = buildScenario(raw, file);
    const varies = argv.vary.map((v) => parseVary(String(v), '--vary'));
    const replications = positiveInt(argv.replications, '--replications') ?? DEFAULT_REPLICATIONS;
    const seed = seedFlag(argv.seed) ?? base.seed;
    const out = argv.out ?? join('reports', safeSegment(base.name), 'whatif.html');
    if (!/\.html?$/i.test(extname(out))) {
      throw new InputError({ path: '--out', what: `'${out}' is not an .html file`, fix: 'name the page with an .html extension, e.g. --out whatif.html' });
    }
    const guard: OutputGuard = { command: 'whatif', flag: '--out', force: Boolean(argv.force), inputs: scenarioInputs(file, raw) };
    // A page ccsim wrote (its generator tag) is regenerated; any other file needs --force.
    prepareRegeneratedFile(out, guard, (head) => head.includes(GENERATOR_TAG));
    const bar = progress(`what-if ${base.name}`, false);
    let html: string;
    let points: number;
    try {
      const result = runWhatIf({ raw, file, varies, replications, seed, onProgress: (d, t) => bar.update(d, t) });
      points = result.points.length;
      html = whatIfHtml(result);
    } finally {
      bar.done();
    }
    writeOutputFile(out, html, '--out');
    io().err(`wrote ${out} (${points} points × ${replications} replications, seed ${seed})\n`);
  },
};
