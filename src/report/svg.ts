/**
 * Charts to SVG in Node, with no browser and no canvas: vega-lite compiles the spec, vega
 * runs it in a headless view (renderer 'none') and vega's SVG string renderer draws it.
 */
import { compile } from 'vega-lite';
import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';

/** The part of vega's SVG string renderer used here (vega's typings leave it out). */
interface HeadlessSvgRenderer {
  initialize(el: null, width: number, height: number, origin: [number, number]): HeadlessSvgRenderer;
  background(color: unknown): HeadlessSvgRenderer;
  render(scene: unknown): HeadlessSvgRenderer;
  svg(): string;
}
const SVGStringRenderer = (vega as unknown as { SVGStringRenderer: new (loader: unknown) => HeadlessSvgRenderer }).SVGStringRenderer;

/** Compile a vega-lite spec to vega; vega-lite's warnings go to `onWarn` (dropped by default). */
export function compileSpec(spec: TopLevelSpec, onWarn: (message: string) => void = () => {}): vega.Spec {
  const collect = (...args: unknown[]) => onWarn(args.map(String).join(' '));
  const logger = {
    level: () => logger,
    warn: collect,
    info: () => logger,
    debug: () => logger,
    error: (...args: unknown[]) => {
      throw new Error(args.map(String).join(' '));
    },
  };
  return compile(spec, { logger: logger as never }).spec as vega.Spec;
}

/**
 * The SVG of a chart, synchronously.
 *
 *   vega-lite spec ─▶ compile ─▶ vega spec ─▶ parse ─▶ View (renderer 'none') ─▶ run ─▶ scenegraph ─▶ SVGStringRenderer ─▶ SVG text
 *
 * `view.toSVG()` does the same behind a promise; the report writers are synchronous, and a
 * dataflow whose data is all inline has nothing to wait for, so `run()` builds the whole
 * scenegraph before returning. The tests check the result is byte-identical to `toSVG()`.
 */
export function renderSvg(spec: TopLevelSpec): string {
  // Clip-path and gradient ids come from a process-wide counter: restart it so a chart's SVG
  // is the same bytes whatever was drawn before it (each file is a document of its own).
  (vega as unknown as { resetSVGDefIds(): void }).resetSVGDefIds();
  const view = new vega.View(vega.parse(compileSpec(spec)), { renderer: 'none', logLevel: vega.Warn });
  try {
    view.run();
    // As vega-view's own headless renderer sizes it: the view plus padding, offset by padding and origin.
    const pad = view.padding() as { left: number; right: number; top: number; bottom: number };
    const internal = view as unknown as { _viewWidth: number; _viewHeight: number; _origin: [number, number] };
    const width = Math.max(0, internal._viewWidth + pad.left + pad.right);
    const height = Math.max(0, internal._viewHeight + pad.top + pad.bottom);
    return new SVGStringRenderer(view.loader())
      .initialize(null, width, height, [pad.left + internal._origin[0], pad.top + internal._origin[1]])
      .background(view.background())
      .render((view.scenegraph() as unknown as { root: unknown }).root)
      .svg();
  } finally {
    view.finalize();
  }
}
