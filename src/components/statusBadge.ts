// A coloured badge for a surplus status code (穿底 / 结余不足 / … / 结余过多), labels from config.
export interface StatusDef { code: string; label: string; color: string; advice: string }

/** Black or white text, whichever reads better on `hex`. */
export function textOn(hex: string): string {
  const n = parseInt(hex.replace('#', ''), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#222' : '#fff';
}

/** `note`: why there is no status (vocabulary/labels.ts statusNoteText), shown in grey in place of 无法判断. */
export function statusBadge(statuses: StatusDef[], code: string | null | undefined, note?: string): HTMLElement {
  const span = document.createElement('span');
  span.className = 'ltci-status';
  const s = statuses.find((d) => d.code === code);
  span.textContent = s?.label ?? (note || '无法判断');
  span.style.background = s?.color ?? '#888';
  span.style.color = textOn(s?.color ?? '#888');
  span.dataset.status = code ?? '';
  return span;
}
