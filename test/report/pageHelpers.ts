/** What the report tests read out of a generated page, and a small scenario to run what-if grids on quickly. */

/** The src/href of every element that loads something (script, link, img, iframe …), outside script bodies. */
export function loadedUrls(html: string): string[] {
  const markup = html.replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, '$1</script>');
  return [...markup.matchAll(/<(?:script|link|img|iframe|source|embed|object|audio|video)\b[^>]*?\b(?:src|href|data)\s*=\s*["']?([^"' >]+)/gi)].map((m) => m[1]);
}

/** The loaded URLs that point at a network (http, https or protocol-relative). */
export function networkUrls(html: string): string[] {
  return loadedUrls(html).filter((u) => /^(https?:)?\/\//i.test(u));
}

/** The chart specs a page embeds for vega-embed. */
export function embeddedCharts(html: string): { id: string; spec: Record<string, unknown> }[] {
  const m = /<script type="application\/json" id="ccsim-charts">(.*?)<\/script>/s.exec(html);
  if (!m) throw new Error('no embedded charts in the page');
  return JSON.parse(m[1]);
}

/** A small single queue: a what-if grid of it runs in well under a second. */
export const SMALL_QUEUE = `name: whatif-test-queue
seed: 5
horizon: 3h
warmup: 30m
channels:
  voice:
    kind: call
    arrivals: { perHour: 120 }
    handle: { dist: exponential, mean: 180 }
    patience: { dist: exponential, mean: 120 }
    target: { serviceLevel: 0.8, within: 20s }
groups:
  team:
    agents: 7
    skills: [voice]
`;
