// Chart labels that fit their room: an estimate of a text's drawn width, and a cut with an ellipsis.
/** About how wide `text` draws in the site's sans-serif at `px`: a CJK character a full em, others about 0.6. */
export function textWidth(text: string, px: number): number {
  return [...text].reduce((w, c) => w + (c.codePointAt(0)! >= 0x2e80 ? 1.05 : 0.62) * px, 0);
}

/** `text` as it fits in `room` px at `px`: cut, with an ellipsis, when it does not. */
export function fitText(text: string, room: number, px: number): string {
  if (textWidth(text, px) <= room) return text;
  const c = [...text];
  while (c.length > 1 && textWidth(`${c.join('')}…`, px) > room) c.pop();
  return `${c.join('')}…`;
}
