import { cpus, loadavg, type as osType, release, totalmem } from 'node:os';

/** One measured figure, as bench/results.json stores it. */
export interface Figure {
  name: string;
  value: number;
  unit: 'ms' | 'MB' | 'rows' | 'count';
  /** The value must stay below this (same unit); null when the issue sets no budget. */
  budget: number | null;
  /** The same work done bare (Dexie toArray/bulkGet, Array.prototype.filter/sort) in the same run; null when there is none. */
  floor: number | null;
  /** value ÷ floor. */
  ratio: number | null;
  /** The most value ÷ floor may be, where the issue sets one (search and sort: 3). */
  ratioBudget: number | null;
  /** Within budget (and within the ratio budget); null when neither applies. */
  ok: boolean | null;
  /** How many measurements the value summarises (median of runs, or a percentile of samples). */
  samples: number;
  note?: string;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  /** The 1-, 5- and 15-minute load averages when the run started: other work on the machine slows every figure. */
  loadAverage: number[];
  node: string;
  chromium: string;
}

/** The load averages now, rounded. */
export const loadNow = (): number[] => loadavg().map((l) => Math.round(l * 100) / 100);

export function describeMachine(chromium: string, loadAtStart: number[]): Machine {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `${osType()} ${release()}`,
    loadAverage: loadAtStart,
    node: process.version,
    chromium,
  };
}

export function figure(
  name: string,
  value: number,
  unit: Figure['unit'],
  opts: { budget?: number | null; floor?: number | null; ratioBudget?: number | null; samples: number; note?: string },
): Figure {
  const budget = opts.budget ?? null;
  const floor = opts.floor ?? null;
  const ratioBudget = opts.ratioBudget ?? null;
  const ratio = floor !== null && floor > 0 ? value / floor : null;
  const checks: boolean[] = [];
  if (budget !== null) checks.push(value < budget);
  if (ratioBudget !== null && ratio !== null) checks.push(ratio <= ratioBudget);
  const out: Figure = {
    name,
    value: round(value),
    unit,
    budget,
    floor: floor === null ? null : round(floor),
    ratio: ratio === null ? null : round(ratio),
    ratioBudget,
    ok: checks.length ? checks.every(Boolean) : null,
    samples: opts.samples,
  };
  if (opts.note) out.note = opts.note;
  return out;
}

const round = (n: number): number => (Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 10) / 10);

const fmt = (n: number | null, unit = ''): string => (n === null ? '' : `${n.toLocaleString('en-US')}${unit ? ` ${unit}` : ''}`);

/** The figures as a plain-text table. */
export function formatTable(machine: Machine, figures: readonly Figure[]): string {
  const head = ['figure', 'value', 'budget', 'floor', '× floor', 'ok'];
  const body = figures.map((f) => [
    f.name,
    fmt(f.value, f.unit),
    f.budget === null ? '' : `< ${fmt(f.budget, f.unit)}`,
    fmt(f.floor, f.unit),
    f.ratio === null ? '' : `${f.ratio}×${f.ratioBudget === null ? '' : ` (≤ ${f.ratioBudget}×)`}`,
    f.ok === null ? '' : f.ok ? 'yes' : 'NO',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  return [
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}; Node ${machine.node}; Chromium ${machine.chromium}`,
    `Load average at the start: ${machine.loadAverage.join(', ')} (1, 5, 15 min)`,
    '',
    line(head),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
  ].join('\n');
}
