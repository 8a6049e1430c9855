// Types of vendor.js, the site's libraries bundled from node_modules by data-loaders/site/vendor.ts.
export * as Plot from '@observablehq/plot';
export * as d3 from 'd3';
export * as Inputs from '@observablehq/inputs';
export { html, svg } from 'htl';
