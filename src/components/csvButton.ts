// The "下载CSV" button beside every chart and table: builds a Blob from the rows shown.
import { toCsv, type CsvColumn } from './csv.js';

export function csvButton<T>(rows: readonly T[], columns: readonly CsvColumn<T>[], filename: string, label = '下载CSV'): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'ltci-csv';
  button.textContent = label;
  button.title = `${filename}（${rows.length}行，UTF-8）`;
  button.dataset.filename = filename;
  button.dataset.rows = String(rows.length);
  button.addEventListener('click', () => {
    const blob = new Blob([toCsv(rows, columns)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  return button;
}
