import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LOG_LAYOUT,
  layoutWidth,
  MAX_COLUMN_WIDTH,
  MIN_COLUMN_WIDTH,
  moveColumn,
  normaliseLayout,
  resizeColumn,
  toggleColumn,
  visibleColumns,
} from './logLayout';
import { LOG_COLUMNS } from './logQuery';

describe('the log layout', () => {
  it('shows by default the columns a liaison works by, within 1,030 px (1280 px beside the queues, no sideways scroll)', () => {
    expect(visibleColumns(DEFAULT_LOG_LAYOUT).map((c) => c.id)).toEqual([
      'caseNumber',
      'receivedAt',
      'memberName',
      'summaryLine',
      'priorityLabel',
      'nextDueAt',
      'assigneeName',
    ]);
    expect(layoutWidth(DEFAULT_LOG_LAYOUT)).toBeLessThanOrEqual(1030);
    expect(DEFAULT_LOG_LAYOUT.columns.map((c) => c.id).sort()).toEqual([...LOG_COLUMNS].sort());
  });

  it('reads back any stored value whole: unknown and repeated columns dropped, new ones appended, widths clamped', () => {
    expect(normaliseLayout(null)).toBe(DEFAULT_LOG_LAYOUT);
    expect(normaliseLayout('junk')).toBe(DEFAULT_LOG_LAYOUT);
    const read = normaliseLayout({
      columns: [
        { id: 'stage', width: 5, hidden: false },
        { id: 'nope', width: 100 },
        { id: 'stage', width: 300 },
        { id: 'caseNumber', width: 9999, hidden: true },
      ],
    });
    expect(read.columns.slice(0, 2)).toEqual([
      { id: 'stage', width: MIN_COLUMN_WIDTH, hidden: false },
      { id: 'caseNumber', width: MAX_COLUMN_WIDTH, hidden: false },
    ]);
    expect(read.columns.map((c) => c.id).sort()).toEqual([...LOG_COLUMNS].sort());
  });

  it('moves, shows, hides and sizes columns; the case number always stays', () => {
    const moved = moveColumn(DEFAULT_LOG_LAYOUT, 'nextDueAt', -1);
    expect(
      visibleColumns(moved)
        .map((c) => c.id)
        .slice(4, 6),
    ).toEqual(['nextDueAt', 'priorityLabel']);
    expect(moveColumn(DEFAULT_LOG_LAYOUT, 'caseNumber', -1)).toBe(DEFAULT_LOG_LAYOUT);
    expect(visibleColumns(toggleColumn(DEFAULT_LOG_LAYOUT, 'stage', true)).map((c) => c.id)).toContain('stage');
    expect(toggleColumn(DEFAULT_LOG_LAYOUT, 'caseNumber', false)).toBe(DEFAULT_LOG_LAYOUT);
    expect(resizeColumn(DEFAULT_LOG_LAYOUT, 'memberName', 250.4).columns.find((c) => c.id === 'memberName')?.width).toBe(250);
    expect(resizeColumn(DEFAULT_LOG_LAYOUT, 'memberName', Number.NaN)).toBe(DEFAULT_LOG_LAYOUT);
  });
});
