/**
 * The trainer's what-if page: every combination of the varied values is simulated with the
 * same seed (common random numbers: every point replays the same callers), and the grid is
 * drawn as one offline page whose sliders pick the point.
 */
import { CONTACT_METRICS, GROUP_METRICS } from '../metrics/definitions.js';
import { runStudy } from '../plan/study.js';
import { grid, scenarioWith, type Vary } from '../plan/vary.js';
import { InputError } from '../messages.js';
import { escapeHtml as h } from './format.js';
import { renderPage } from './html.js';
import { PLAN_METRICS } from './specs/plan.js';
import { evenStep, varyLabel, whatIfChart, type WhatIfPoint, type WhatIfResult } from './specs/whatif.js';

export type { WhatIfResult };

export interface WhatIfInput {
  /** The scenario file's data (`readScenarioFile`) and its path, named in errors. */
  raw: unknown;
  file: string;
  varies: Vary[];
  replications: number;
  seed: number;
  /** The flag named in errors about a varied path. */
  flag?: string;
  /** Called after each replication of each point. */
  onProgress?: (done: number, total: number) => void;
}

/** Most grid points a page holds: enough for 2–3 sliders, few enough to run in minutes. */
export const MAX_WHATIF_POINTS = 2000;

/**
 * Simulate every grid point.
 *
 *   file data ─▶ grid(varies) ─▶ scenarioWith(point) (validated like a file) ─▶ runStudy(seed s) ─▶ WhatIfPoint
 *
 * Every point is built (and so validated) before the first is simulated, so a bad value
 * fails at once rather than minutes in.
 */
export function runWhatIf(inp: WhatIfInput): WhatIfResult {
  const flag = inp.flag ?? '--vary';
  const paths = inp.varies.map((v) => v.path);
  const twice = paths.find((p, i) => paths.indexOf(p) !== i);
  if (twice) throw new InputError({ path: flag, what: `'${twice}' is varied twice`, fix: `give each path one ${flag}` });
  const overrides = grid(inp.varies);
  if (overrides.length > MAX_WHATIF_POINTS) {
    throw new InputError({ path: flag, what: `the grid has ${overrides.length} points, more than ${MAX_WHATIF_POINTS}`, fix: 'use larger steps or fewer values' });
  }
  const scenarios = overrides.map((o) => scenarioWith(inp.raw, o, inp.file, flag));
  const total = scenarios.length * inp.replications;
  const points: WhatIfPoint[] = scenarios.map((s, i) => {
    const study = runStudy(s, { replications: inp.replications, seed: inp.seed, onProgress: (d) => inp.onProgress?.(i * inp.replications + d, total) });
    return {
      values: overrides[i].map((o) => o.value),
      summary: study.summary,
      waitCdf: study.waitCdf,
      targets: Object.fromEntries(Object.values(s.channels).map((c) => [c.id, c.target])),
      withinSec: study.measureOptions.withinSec,
    };
  });
  const base = scenarios[0];
  return {
    scenario: base.name,
    file: inp.file,
    seed: inp.seed,
    replications: inp.replications,
    varies: inp.varies,
    channels: Object.keys(base.channels),
    groups: Object.keys(base.groups),
    points,
  };
}

/** The what-if page, one self-contained HTML document. */
export function whatIfHtml(r: WhatIfResult): string {
  const defs = [...CONTACT_METRICS, ...GROUP_METRICS].filter((m) => PLAN_METRICS.some((p) => p.key === m.key));
  const sliders = r.varies.map((v) => `<li><b>${h(varyLabel(v.path))}</b> (<code>${h(v.path)}</code>): ${v.values.length} values, ${h(String(v.values[0]))} … ${h(String(v.values[v.values.length - 1]))}</li>`);
  const flags = r.varies.map((v) => `--vary ${v.path}=${varyRange(v)}`).join(' ');
  return renderPage({
    title: `${r.scenario}: what if…`,
    subtitle: `${r.points.length} points × ${r.replications} replications, seed ${r.seed}; every point replays the same callers (common random numbers)`,
    before: [
      {
        id: 'how',
        title: 'How to use',
        html: `<p>Drag a slider: the bars, the curve and the wait distribution below jump to that simulated point. Because every point replays the same callers, what changes between two positions is the effect of the change, not luck.</p>\n<ul>${sliders.join('\n')}</ul>`,
      },
    ],
    charts: [whatIfChart(r)],
    after: [
      {
        id: 'inputs',
        title: 'Inputs',
        html: `<p>Scenario <code>${h(r.file)}</code>. Reproduce: <code>ccsim whatif ${h(r.file)} ${h(flags)} --replications ${r.replications} --seed ${r.seed}</code></p>`,
      },
      { id: 'definitions', title: 'Definitions', html: `<ul class="definitions">${defs.map((m) => `<li><b>${h(m.label)}</b>: ${h(m.definition)}</li>`).join('\n')}</ul>` },
    ],
  });
}

/** A vary as the flag would write it: FROM..TO[:STEP] when evenly spaced, else a list. */
function varyRange(v: Vary): string {
  const first = v.values[0];
  const last = v.values[v.values.length - 1];
  if (v.values.length === 1) return `${first}..${first}`;
  const step = evenStep(v.values);
  if (step === undefined) return v.values.join(',');
  return `${first}..${last}${step === 1 ? '' : `:${step}`}`;
}
