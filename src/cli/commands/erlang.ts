/**
 * `ccsim erlang`: the analytic calculator (Erlang B, C, A and M/M/c/K), and with a target
 * and no --agents, the least number of agents that meets it.
 *
 *   flags ─▶ readRequest (validate, seconds and per-second rates) ─▶ analytic/ ─▶ table or JSON
 */
import type { CommandModule } from 'yargs';
import {
  isUnstable,
  leastAgents,
  queueKpis,
  unmetTargets,
  MAX_AGENTS,
  type Bound,
  type QueueInput,
  type QueueKpis,
  type QueueModel,
  type StaffingTarget,
} from '../../analytic/index.js';
import { MSG, inputError } from '../../messages.js';
import { parseDuration } from '../../scenario/index.js';
import { CheckFailed, io } from '../io.js';
import { flagText, positiveInt, shareFlag } from '../options.js';

interface ErlangArgs {
  model?: string;
  arrivalsPerHour?: string;
  aht?: string;
  agents?: string;
  patience?: string;
  within?: string;
  targetSl?: string;
  targetAsa?: string;
  maxAbandon?: string;
  capacity?: string;
  maxAgents?: string;
  json?: boolean;
}

/** A validated `ccsim erlang` invocation. */
interface ErlangRequest {
  model: QueueModel;
  input: Omit<QueueInput, 'agents'>;
  agents?: number;
  target?: StaffingTarget;
  maxAgents: number;
  json: boolean;
}

const MODELS: readonly QueueModel[] = ['b', 'c', 'a', 'k'];
const MODEL_NAMES: Record<QueueModel, string> = {
  b: 'Erlang B (M/M/c/c, blocked contacts lost)',
  c: 'Erlang C (M/M/c, no abandonment)',
  a: 'Erlang A (M/M/c+M, exponential patience)',
  k: 'M/M/c/K (finite room, blocked contacts lost)',
};

export const erlangCommand: CommandModule<object, ErlangArgs> = {
  command: 'erlang',
  describe: 'analytic calculator (Erlang B/C/A, M/M/c/K); with a target and no --agents, the least agents',
  builder: (y) =>
    y
      .option('model', { type: 'string', describe: 'b | c | a | k (M/M/c/K); default a with --patience, k with --capacity, else c' })
      .option('arrivals-per-hour', { type: 'string', describe: 'offered contacts per hour' })
      .option('aht', { type: 'string', describe: 'average handle time: seconds, or 4m-style' })
      .option('agents', { type: 'string', describe: 'agents staffed (leave out with a target to get the least)' })
      .option('patience', { type: 'string', describe: 'mean exponential patience (Erlang A): seconds, or 3m-style' })
      .option('within', { type: 'string', describe: 'service-level threshold T (default 20s)' })
      .option('target-sl', { type: 'string', describe: 'least share answered within T: 0.8 or 80%' })
      .option('target-asa', { type: 'string', describe: 'most mean wait of answered contacts (seconds or 30s-style)' })
      .option('max-abandon', { type: 'string', describe: 'most share abandoning: 0.05 or 5% (needs --patience)' })
      .option('capacity', { type: 'string', describe: 'M/M/c/K: most contacts in the system, in service plus waiting (≥ agents)' })
      .option('max-agents', { type: 'string', describe: `cap for the least-agents search (default ${MAX_AGENTS})` })
      .option('json', { type: 'boolean', describe: 'print one JSON object instead of a table' })
      .example('$0 erlang --arrivals-per-hour 360 --aht 240 --agents 25 --patience 180', 'Erlang A KPIs')
      .example('$0 erlang --arrivals-per-hour 200 --aht 3m --target-sl 0.8 --within 20s', 'least agents for 80/20 (Erlang C)'),
  handler: (argv) => {
    const req = readRequest(argv);
    if (req.agents === undefined) return staff(req);
    const kpis = kpisOrThrow(req, req.agents);
    print(req, kpis);
    const missed = req.target ? unmetTargets(kpis, req.target) : [];
    if (missed.length > 0) {
      io().err(`ccsim: target missed at ${req.agents} agents: ${missed.map((m) => describeTarget(m, req)).join('; ')}\n`);
      throw new CheckFailed('target missed');
    }
  },
};

export default erlangCommand;

/** Least agents for the target, then the KPIs there and what bound them. */
function staff(req: ErlangRequest): void {
  const target = req.target as StaffingTarget;
  const result = leastAgents(req.model as 'c' | 'a', req.input, target, { maxAgents: req.maxAgents });
  if (!result.found) throw inputError(MSG.noStaffingMeetsTarget(result.maxAgents), { path: firstTargetFlag(target) });
  const bound = `bound by ${result.boundBy.map((b) => describeTarget(b, req)).join(' and ')}`;
  print(req, result.kpis, `least meeting the target; ${bound}`);
  // The JSON keys are fixed by the contract, so the reason goes to stderr beside it.
  if (req.json) io().err(`note: ${result.agents} agents is the least meeting the target; ${bound}\n`);
}

function kpisOrThrow(req: ErlangRequest, agents: number): QueueKpis {
  const r = queueKpis(req.model, { ...req.input, agents });
  if (isUnstable(r)) throw inputError(MSG.unstable(r.offeredLoadErlangs, agents), { path: '--agents' });
  return r;
}

function print(req: ErlangRequest, kpis: QueueKpis, agentsNote?: string): void {
  io().out(req.json ? toJson(kpis) : renderTable(req, kpis, agentsNote));
}

/** The contract's keys, in the contract's order, `blocking` for the loss models. */
function toJson(k: QueueKpis): string {
  const out: Record<string, string | number> = {
    model: k.model,
    agents: k.agents,
    offeredLoadErlangs: k.offeredLoadErlangs,
    pWait: k.pWait,
    serviceLevel: k.serviceLevel,
    asaSeconds: k.asaSeconds,
    avgWaitSeconds: k.avgWaitSeconds,
    abandonRate: k.abandonRate,
    occupancy: k.occupancy,
  };
  if (k.blocking !== undefined) out.blocking = k.blocking;
  return JSON.stringify(out) + '\n';
}

function renderTable(req: ErlangRequest, k: QueueKpis, agentsNote?: string): string {
  const { withinSec, patienceSec, capacity } = req.input;
  const modelNote = k.model === 'a' ? `, mean patience ${seconds(patienceSec as number)}` : k.model === 'k' ? `, K = ${capacity}` : '';
  const rows: [string, string][] = [
    ['model', MODEL_NAMES[k.model] + modelNote],
    ['agents', agentsNote ? `${k.agents}  (${agentsNote})` : String(k.agents)],
    ['offered load', `${k.offeredLoadErlangs.toFixed(2)} Erlangs`],
  ];
  if (k.blocking !== undefined) rows.push(['blocking', percent(k.blocking) + ' of arrivals']);
  rows.push(
    ['P(wait)', percent(k.pWait)],
    ['service level', `${percent(k.serviceLevel)} answered within ${seconds(withinSec)}${k.blocking !== undefined ? ' (of admitted contacts)' : ''}`],
    ['ASA', seconds(k.asaSeconds) + ' (answered contacts)'],
    ['avg wait', seconds(k.avgWaitSeconds) + ' (all offered contacts)'],
    ['abandon rate', percent(k.abandonRate)],
    ['occupancy', percent(k.occupancy)],
  );
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  return rows.map(([label, value]) => label.padEnd(width) + value).join('\n') + '\n';
}

function percent(p: number): string {
  return `${(100 * p).toFixed(p !== 0 && p < 0.1 ? 2 : 1)} %`;
}

function seconds(s: number): string {
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

/** A target in the user's words, e.g. `service level ≥ 80 % within 20 s`. */
function describeTarget(b: Bound, req: ErlangRequest): string {
  const t = req.target ?? {};
  switch (b) {
    case 'serviceLevel':
      return `service level ≥ ${percent(t.minServiceLevel as number)} within ${seconds(req.input.withinSec)}`;
    case 'asa':
      return `ASA ≤ ${seconds(t.maxAsaSec as number)}`;
    case 'abandonRate':
      return `abandon rate ≤ ${percent(t.maxAbandonRate as number)}`;
    case 'pWait':
      return `P(wait) ≤ ${percent(t.maxPWait as number)}`;
    case 'stability':
      return 'stability (Erlang C needs more agents than Erlangs of load)';
  }
}

function firstTargetFlag(t: StaffingTarget): string {
  if (t.minServiceLevel !== undefined) return '--target-sl';
  if (t.maxAsaSec !== undefined) return '--target-asa';
  return '--max-abandon';
}

// ---------------------------------------------------------------------------
// Flag validation: every problem names its flag and what to write instead.
// ---------------------------------------------------------------------------

/** Validate the flags and convert them to seconds and rates per second. */
function readRequest(argv: ErlangArgs): ErlangRequest {
  const arrivalsPerHour = required(positiveNumber(argv.arrivalsPerHour, '--arrivals-per-hour'), '--arrivals-per-hour', '--arrivals-per-hour 360');
  const ahtSec = required(duration(argv.aht, '--aht', false), '--aht', '--aht 240 (seconds) or --aht 4m');
  const patienceSec = duration(argv.patience, '--patience', false);
  const withinSec = duration(argv.within, '--within', true) ?? 20;
  const capacity = wholeNumber(argv.capacity, '--capacity');
  const model = readModel(flagText(argv.model, '--model'), patienceSec, capacity);
  const target = readTarget(argv, model, patienceSec);
  const agents = wholeNumber(argv.agents, '--agents');
  if (agents === undefined && target === undefined) {
    throw bad('--agents', 'the number of agents is missing', 'add --agents N, or give a target (--target-sl, --target-asa, --max-abandon) to get the least agents');
  }
  if (capacity !== undefined && agents !== undefined && capacity < agents) {
    throw bad('--capacity', `capacity ${capacity} is below the ${agents} agents`, `use --capacity ${agents} or more (K counts contacts in service plus waiting)`);
  }
  const input = { arrivalsPerSec: arrivalsPerHour / 3600, ahtSec, withinSec, patienceSec, capacity };
  return { model, input, agents, target, maxAgents: wholeNumber(argv.maxAgents, '--max-agents') ?? MAX_AGENTS, json: argv.json === true };
}

function readModel(flag: string | undefined, patienceSec: number | undefined, capacity: number | undefined): QueueModel {
  if (patienceSec !== undefined && capacity !== undefined) {
    throw bad('--capacity', 'patience and a finite capacity together (M/M/c/K+M) are not modelled', 'drop --capacity for Erlang A, or drop --patience for M/M/c/K');
  }
  const model = flag?.toLowerCase() ?? (patienceSec !== undefined ? 'a' : capacity !== undefined ? 'k' : 'c');
  if (!(MODELS as readonly string[]).includes(model)) {
    throw bad('--model', `unknown model '${model}'`, 'use b (Erlang B), c (Erlang C), a (Erlang A, with --patience) or k (M/M/c/K, with --capacity)');
  }
  if (model === 'a' && patienceSec === undefined) throw bad('--patience', 'Erlang A needs the mean patience', 'add --patience SEC, e.g. --patience 180');
  if (model !== 'a' && patienceSec !== undefined) {
    throw bad('--patience', `model ${model} has no abandonment, so --patience does not apply`, 'drop --patience, or use --model a');
  }
  if (model === 'k' && capacity === undefined) throw bad('--capacity', 'M/M/c/K needs the capacity K', 'add --capacity K (contacts in service plus waiting), e.g. --capacity 40');
  if (model !== 'k' && capacity !== undefined) throw bad('--capacity', `model ${model} has no finite capacity`, 'drop --capacity, or use --model k');
  return model as QueueModel;
}

function readTarget(argv: ErlangArgs, model: QueueModel, patienceSec: number | undefined): StaffingTarget | undefined {
  const minServiceLevel = shareFlag(argv.targetSl, '--target-sl', { ...OPEN_SHARE, example: '--target-sl 0.8 or --target-sl 80%' });
  const maxAsaSec = duration(argv.targetAsa, '--target-asa', false);
  const maxAbandonRate = shareFlag(argv.maxAbandon, '--max-abandon', { ...OPEN_SHARE, example: '--max-abandon 0.05 or --max-abandon 5%' });
  if (minServiceLevel === undefined && maxAsaSec === undefined && maxAbandonRate === undefined) return undefined;
  if (model === 'b' || model === 'k') {
    throw bad(firstTargetFlag({ minServiceLevel, maxAsaSec, maxAbandonRate }), `targets are staffed with Erlang C or A, not model ${model}`, 'use --model c, or --model a with --patience');
  }
  if (maxAbandonRate !== undefined && patienceSec === undefined) {
    throw bad('--max-abandon', 'an abandonment target needs a patience (Erlang C callers never abandon)', 'add --patience SEC to use Erlang A');
  }
  return { minServiceLevel, maxAsaSec, maxAbandonRate };
}

function bad(flag: string, what: string, fix: string) {
  return inputError(MSG.flag(what, fix), { path: flag });
}

function required<T>(value: T | undefined, flag: string, example: string): T {
  if (value === undefined) throw bad(flag, `${flag} is required`, `add ${example}`);
  return value;
}

function positiveNumber(value: string | undefined, flag: string): number | undefined {
  const text = flagText(value, flag);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (String(text).trim() === '' || !Number.isFinite(n) || n <= 0) throw bad(flag, `'${text}' is not a number > 0`, `write e.g. ${flag} 360`);
  return n;
}

function wholeNumber(text: string | undefined, flag: string): number | undefined {
  return positiveInt(text, flag, `${flag} 25`);
}

/** Targets of 0 or 100 % are not staffing questions (none, or infinitely many agents). */
const OPEN_SHARE = { min: 0, minIncluded: false, max: 1, maxIncluded: false } as const;

/** Seconds from `240`, `240s`, `4m`, `1.5h` (the scenario files' durations); `zeroOk` allows 0 (thresholds). */
function duration(value: string | undefined, flag: string, zeroOk: boolean): number | undefined {
  const text = flagText(value, flag);
  if (text === undefined) return undefined;
  const sec = parseDuration(String(text).trim()) ?? Number.NaN;
  if (!(sec > 0 || (zeroOk && sec === 0))) {
    const rule = zeroOk ? '≥ 0' : '> 0';
    throw bad(flag, `'${text}' is not a duration ${rule}`, `write seconds or a number with a unit s, m, h, d or w, e.g. ${flag} 20s`);
  }
  return sec;
}
