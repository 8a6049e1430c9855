// The site's table: fits the content column on a desktop screen (text columns wrap, numbers and
// badges stay whole), folds the columns a reader needs less often into a per-row detail view
// (展开), and pages long lists (上一页 / 下一页, or jump to a page) so every row is reachable without
// loading them all into the page at once. On a phone the table scrolls inside its card.
// Headers sort on click. Codes (区划、机构编号) belong in the detail view, never in a main column.

export interface TableColumn<T> {
  /** Field of the row (also the sort key unless `sortValue` is given). */
  key: string;
  label: string;
  /** The cell's value, when it is not row[key]. */
  value?: (row: T) => unknown;
  /** Text or a node (a badge) for the cell; the value as text by default. */
  format?: (value: any, row: T) => string | Node;
  /** Numbers align right and never wrap (default: right when the value is a number). */
  align?: 'left' | 'right';
  /** Shown only in the row's detail view (展开). */
  fold?: boolean;
  /** The value to sort by (default: the value). */
  sortValue?: (row: T) => unknown;
  /** A CSS min-width for a text column that must not get too narrow ("8em"). */
  minWidth?: string;
  /** Short words that read badly broken (必须通过, 2027年1月): the cell never wraps. */
  nowrap?: boolean;
}

export interface TableOptions<T> {
  columns: TableColumn<T>[];
  /** Rows per page; more rows than this get a pager. */
  rows?: number;
  /** The initial sort (a column key; descending with `desc`). Rows keep their order otherwise. */
  sort?: string;
  desc?: boolean;
  /** Extra content for a row's detail view, after its folded columns. */
  detail?: (row: T) => Node | string | null;
  /** Words for no rows. */
  empty?: string;
}

const EMPTY = '无数据';

function valueOf<T>(c: TableColumn<T>, row: T): unknown {
  return c.value ? c.value(row) : (row as Record<string, unknown>)[c.key];
}

function content<T>(c: TableColumn<T>, row: T): Node {
  const v = valueOf(c, row);
  const out = c.format ? c.format(v, row) : v === null || v === undefined ? '' : String(v);
  return typeof out === 'string' ? document.createTextNode(out) : out;
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined || a === '') return 1;
  if (b === null || b === undefined || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'zh-CN');
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A table of `rows`; `data-rows` holds the number of rows, the pager says which are shown. */
export function dataTable<T>(rows: readonly T[], { columns, rows: pageSize = 20, sort, desc = false, detail, empty = EMPTY }: TableOptions<T>): HTMLElement {
  const shown = columns.filter((c) => !c.fold);
  const folded = columns.filter((c) => c.fold);
  const hasDetail = folded.length > 0 || !!detail;
  const right = (c: TableColumn<T>) => c.align === 'right' || (c.align === undefined && rows.some((r) => typeof valueOf(c, r) === 'number'));

  const root = el('div', 'ltci-table');
  root.dataset.rows = String(rows.length);
  const scroll = el('div', 'ltci-table-scroll');
  const table = el('table');
  const thead = el('thead');
  const tbody = el('tbody');
  const pager = el('div', 'ltci-pager');
  table.append(thead, tbody);
  scroll.append(table);
  root.append(scroll, pager);

  let order = [...rows];
  let sortKey = sort ?? null;
  let sortDesc = desc;
  let page = 0;
  const pages = () => Math.max(1, Math.ceil(order.length / pageSize));

  function sortRows() {
    if (!sortKey) return;
    const c = columns.find((x) => x.key === sortKey);
    if (!c) return;
    const key = (r: T) => (c.sortValue ? c.sortValue(r) : valueOf(c, r));
    order = [...rows].sort((a, b) => {
      const d = compare(key(a), key(b));
      // blanks last either way
      const blank = (v: unknown) => v === null || v === undefined || v === '';
      if (blank(key(a)) || blank(key(b))) return d;
      return sortDesc ? -d : d;
    });
  }

  function header() {
    const tr = el('tr');
    for (const c of shown) {
      const th = el('th', right(c) ? 'ltci-num' : undefined);
      if (c.minWidth) th.style.minWidth = c.minWidth;
      const b = el('button', 'ltci-sort', c.label);
      b.type = 'button';
      b.title = `按“${c.label}”排序`;
      if (sortKey === c.key) b.dataset.sorted = sortDesc ? 'desc' : 'asc';
      b.addEventListener('click', () => {
        sortDesc = sortKey === c.key ? !sortDesc : right(c);
        sortKey = c.key;
        sortRows();
        page = 0;
        header();
        body();
      });
      th.append(b);
      tr.append(th);
    }
    if (hasDetail) tr.append(el('th', 'ltci-more-head', '详情'));
    thead.replaceChildren(tr);
  }

  function detailRow(row: T): HTMLTableRowElement {
    const tr = el('tr', 'ltci-detail');
    const td = el('td');
    td.colSpan = shown.length + 1;
    if (folded.length) {
      const dl = el('dl');
      for (const c of folded) {
        dl.append(el('dt', undefined, c.label));
        const dd = el('dd');
        dd.append(content(c, row));
        dl.append(dd);
      }
      td.append(dl);
    }
    const extra = detail?.(row);
    if (extra) td.append(typeof extra === 'string' ? el('p', undefined, extra) : extra);
    tr.append(td);
    return tr;
  }

  function body() {
    const start = page * pageSize;
    const slice = order.slice(start, start + pageSize);
    const trs: HTMLTableRowElement[] = [];
    for (const row of slice) {
      const tr = el('tr');
      for (const c of shown) {
        const td = el('td', right(c) ? 'ltci-num' : undefined);
        if (c.minWidth) td.style.minWidth = c.minWidth;
        if (c.nowrap) td.style.whiteSpace = 'nowrap';
        td.append(content(c, row));
        tr.append(td);
      }
      trs.push(tr);
      if (hasDetail) {
        const td = el('td', 'ltci-more');
        const b = el('button', 'ltci-more-button', '展开');
        b.type = 'button';
        let open: HTMLTableRowElement | null = null;
        b.addEventListener('click', () => {
          if (open) {
            open.remove();
            open = null;
            b.textContent = '展开';
          } else {
            open = detailRow(row);
            tr.after(open);
            b.textContent = '收起';
          }
          b.setAttribute('aria-expanded', String(!!open));
        });
        b.setAttribute('aria-expanded', 'false');
        td.append(b);
        tr.append(td);
      }
    }
    if (!slice.length) {
      const tr = el('tr');
      const td = el('td', 'ltci-empty', empty);
      td.colSpan = shown.length + (hasDetail ? 1 : 0);
      tr.append(td);
      trs.push(tr);
    }
    tbody.replaceChildren(...trs);
    pagerBar(start, slice.length);
  }

  function pagerBar(start: number, n: number) {
    if (order.length <= pageSize) {
      pager.replaceChildren();
      pager.hidden = true;
      return;
    }
    pager.hidden = false;
    const go = (p: number) => {
      page = Math.min(pages() - 1, Math.max(0, p));
      body();
    };
    const prev = el('button', 'ltci-page-prev', '上一页');
    prev.type = 'button';
    prev.disabled = page === 0;
    prev.addEventListener('click', () => go(page - 1));
    const next = el('button', 'ltci-page-next', '下一页');
    next.type = 'button';
    next.disabled = page >= pages() - 1;
    next.addEventListener('click', () => go(page + 1));
    const jump = el('select', 'ltci-page-select');
    jump.setAttribute('aria-label', '跳到页');
    for (let p = 0; p < pages(); p++) {
      const o = el('option', undefined, `第 ${p + 1} 页`);
      o.value = String(p);
      o.selected = p === page;
      jump.append(o);
    }
    jump.addEventListener('change', () => go(Number(jump.value)));
    const info = el('span', 'ltci-page-info', `第 ${start + 1}–${start + n} 行，共 ${order.length} 行`);
    pager.replaceChildren(prev, jump, next, info);
  }

  sortRows();
  header();
  body();
  return root;
}
