// Packages used by the site that ship no type declarations.
declare module 'htl' {
  export function html(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement;
  export function svg(strings: TemplateStringsArray, ...values: unknown[]): SVGElement;
}
declare module '@observablehq/inputs' {
  export function table(data: unknown, options?: Record<string, unknown>): HTMLElement;
  export function select(data: unknown, options?: Record<string, unknown>): HTMLElement;
  export function radio(data: unknown, options?: Record<string, unknown>): HTMLElement;
}
