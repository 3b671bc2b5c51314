import { met, type Figure } from './main-bench';

function fmt(n: number | undefined, digits = 2): string {
  if (n === undefined || Number.isNaN(n)) return '—';
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en');
  return n.toFixed(n >= 100 ? 0 : digits);
}

function targetText(f: Figure): string {
  if (!f.target) return '';
  const unit = f.unit === 'ms' ? ' ms' : f.unit === 'ratio' ? '×' : f.unit === 'events/s' ? ' ev/s' : f.unit === 'messages/s' ? ' msg/s' : '';
  return `${f.target.of === 'p95' ? 'p95 ' : ''}${f.target.op === '<=' ? '≤' : '≥'} ${f.target.value.toLocaleString('en')}${unit}`;
}

/** One plain-text table: every figure, its target and whether it is met. */
export function formatTable(figures: Figure[]): string {
  const header = ['group', 'what', 'p50', 'p95', 'max', 'value', 'target', 'met', 'note'];
  const rows = figures.map((f) => {
    const m = met(f);
    return [
      f.group,
      f.name,
      f.timing ? fmt(f.timing.p50) : '',
      f.timing ? fmt(f.timing.p95) : '',
      f.timing ? fmt(f.timing.max) : '',
      f.value !== undefined ? `${fmt(f.value)}${f.unit === 'ratio' ? '×' : ` ${f.unit}`}` : f.status !== 'measured' ? f.status : '',
      targetText(f),
      m === null ? '' : m ? 'yes' : 'NO',
      f.note ?? '',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
