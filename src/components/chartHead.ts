// A card heading: the chart's title on the left, its CSV button on the right.
export function chartHead(title: string, button?: HTMLElement, subtitle?: string): HTMLElement {
  const head = document.createElement('div');
  head.className = 'ltci-chart-head';
  const h = document.createElement('h2');
  h.textContent = title;
  head.append(h);
  if (button) head.append(button);
  if (!subtitle) return head;
  const wrap = document.createElement('div');
  const p = document.createElement('h3');
  p.textContent = subtitle;
  wrap.append(head, p);
  return wrap;
}
