/** Count the mark items in an SVG drawn by vega: the children of each `<g class="mark-TYPE role-mark …">`, by type. */

/** Mark type → number of items (paths, lines, texts …), leaving out axes, legends and titles. */
export function countMarks(svg: string): Record<string, number> {
  const counts: Record<string, number> = {};
  const stack: (string | null)[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:"[^"]*"|'[^']*'|[^'">])*?)(\/?)>/g;
  for (let m = tag.exec(svg); m; m = tag.exec(svg)) {
    const [, closing, , attrs, selfClosing] = m;
    if (closing) {
      stack.pop();
      continue;
    }
    const parent = stack[stack.length - 1];
    if (parent) counts[parent] = (counts[parent] ?? 0) + 1;
    if (selfClosing) continue;
    const cls = /\bclass="([^"]*)"/.exec(attrs)?.[1].split(/\s+/) ?? [];
    const type = cls.find((c) => c.startsWith('mark-'));
    stack.push(type && cls.includes('role-mark') ? type.slice('mark-'.length) : null);
  }
  return counts;
}
