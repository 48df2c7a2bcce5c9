/** The charts of a run's report, in page order; a chart with nothing to draw (no agent data, say) is left out. */
import type { StudyResult } from '../../plan/study.js';
import { agentsChart } from './agents.js';
import type { Chart, ChartTargets, TimeAxis } from './common.js';
import { backlogChart, queueChart } from './queue.js';
import { serviceChart } from './service.js';
import { volumesChart } from './volumes.js';
import { waitCdfChart } from './waitCdf.js';

/** Every chart of a study's report. */
export function runCharts(study: StudyResult, targets: ChartTargets = {}): Chart[] {
  const mo = study.measureOptions;
  const ax: TimeAxis = { startClockSec: mo.startClockSec, intervalSec: mo.intervalSec, horizonSec: mo.horizonSec };
  const channels = Object.keys(study.summary.channels);
  const groups = Object.keys(study.summary.groups);
  const charts = [
    volumesChart(study.intervals, channels, ax),
    serviceChart(study.intervals, channels, targets, ax),
    agentsChart(study.intervals, groups, ax),
    queueChart(study.intervals, channels, ax),
    backlogChart(study.intervals, channels, ax),
    waitCdfChart(study.waitCdf, channels, mo.withinSec, targets),
  ];
  return charts.filter((c): c is Chart => c !== undefined);
}
