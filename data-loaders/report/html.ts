// What every piece of the report's HTML shares: escaping and the system CJK font stack (no font
// file is loaded; Debian's fonts-noto-cjk provides Noto Sans CJK SC).
export const CJK_FONT_STACK = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
