import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { instant, MONDAY_2PM, openDesk, PAT_LEE, type TestDesk } from '../test/fixtures';
import { renderApp, stubLogViewport } from '../test/renderApp';

let desk: TestDesk;
let restoreViewport: () => void;
/** Case numbers by member. */
let cases: { pat: string; lou: string; kim: string };

beforeEach(async () => {
  // Without a viewport size the virtualised table renders no rows in jsdom (see stubLogViewport).
  restoreViewport = stubLogViewport();
  desk = openDesk(MONDAY_2PM);
  await desk.repo.createProfile({ displayName: 'Ana Ortiz', role: 'liaison' });
  const pat = await desk.repo.logInquiry({ ...PAT_LEE, receivedAt: instant('2026-11-23T17:30:00.000Z') });
  const lou = await desk.repo.logInquiry({
    ...PAT_LEE,
    receivedAt: instant('2026-11-23T16:20:00.000Z'),
    memberName: 'Lou Park',
    medicaidId: '7654321B',
    priority: 'escalated',
    category: 'Pharmacy',
    subcategory: 'Formulary',
    description: 'Refill denied at the pharmacy.',
  });
  const kim = await desk.repo.logInquiry({
    ...PAT_LEE,
    receivedAt: instant('2026-11-23T15:10:00.000Z'),
    memberName: 'Kim Vo',
    medicaidId: '5550001C',
    description: 'Wheelchair repair delayed.',
  });
  cases = { pat: pat.caseNumber, lou: lou.caseNumber, kim: kim.caseNumber };
});

afterEach(async () => {
  restoreViewport();
  await desk.close();
});

/** The case numbers of the table's rows, top to bottom. */
const caseOrder = () => Array.from(document.querySelectorAll('tbody .case-link')).map((a) => a.textContent);
const header = (name: string) => screen.getByRole('columnheader', { name: new RegExp(`^${name}`) });
const rowOf = (caseNumber: string) => screen.getByRole('link', { name: caseNumber }).closest('tr') as HTMLTableRowElement;

async function openLog() {
  const app = renderApp(desk, '#/log');
  await screen.findByRole('heading', { level: 1, name: 'All open' });
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('3 inquiries'));
  return app;
}

describe('LogView', () => {
  it('sorts Next due most urgent first on the first click (issue 16)', async () => {
    const { user } = await openLog();
    await user.click(within(header('Next due')).getByRole('button'));
    await waitFor(() => expect(header('Next due').getAttribute('aria-sort')).toBe('ascending'));
    // Each row's shown instant, top to bottom, never goes back in time.
    const shown = Array.from(document.querySelectorAll('tbody tr')).map((tr) => tr.querySelector('.next-due-when')?.textContent ?? '');
    expect(shown.every((t) => / (Target|Deadline|Call at|Call by) /.test(t))).toBe(true);
    const times = shown.map((t) => /(\d\d)\/(\d\d) (\d\d):(\d\d)/.exec(t)?.slice(1).join('') ?? '');
    expect([...times].sort()).toEqual(times);
  });

  it('lists the open inquiries newest first with member identifiers masked', async () => {
    await openLog();

    expect(caseOrder()).toEqual([cases.pat, cases.lou, cases.kim]);
    const text = document.body.textContent ?? '';
    for (const hidden of ['Pat Lee', 'Lou Park', 'Kim Vo', '1234567A', '7654321B', '5550001C']) expect(text).not.toContain(hidden);
    expect(within(rowOf(cases.pat)).getByText('P. L. •••').textContent).toBe('P. L. ••• •••••67A');
    expect(rowOf(cases.lou).textContent).toContain('Escalated');
    expect(rowOf(cases.lou).textContent).toContain('Pharmacy › Formulary');
    expect(rowOf(cases.pat).textContent).toContain('11/23/2026 11:30 AM');
    expect(rowOf(cases.kim).textContent).toContain('11/23/2026 9:10 AM');
  });

  it('reveals one member only, and says so with aria-pressed', async () => {
    const { user } = await openLog();
    const reveal = screen.getByRole('button', { name: `Reveal member for ${cases.lou}` });
    expect(reveal.getAttribute('aria-pressed')).toBe('false');

    await user.click(reveal);

    const hide = screen.getByRole('button', { name: `Hide member for ${cases.lou}` });
    expect(hide).toBe(reveal);
    expect(hide.getAttribute('aria-pressed')).toBe('true');
    expect(rowOf(cases.lou).textContent).toContain('Lou Park 7654321B');
    const text = document.body.textContent ?? '';
    for (const hidden of ['Pat Lee', 'Kim Vo', '1234567A', '5550001C']) expect(text).not.toContain(hidden);
    for (const other of [cases.pat, cases.kim])
      expect(screen.getByRole('button', { name: `Reveal member for ${other}` }).getAttribute('aria-pressed')).toBe('false');

    await user.click(hide);

    expect(hide.getAttribute('aria-pressed')).toBe('false');
    expect(document.body.textContent).not.toContain('Lou Park');
  });

  it('sorts by a column header and marks it with aria-sort', async () => {
    const { user } = await openLog();
    expect(header('Received').getAttribute('aria-sort')).toBe('descending');
    expect(header('Member').getAttribute('aria-sort')).toBeNull();

    await user.click(within(header('Member')).getByRole('button'));

    await waitFor(() => expect(header('Member').getAttribute('aria-sort')).toBe('ascending'));
    expect(header('Received').getAttribute('aria-sort')).toBeNull();
    // Kim Vo, Lou Park, Pat Lee: no longer newest first. The rows follow a deferred copy of the
    // query, so they may settle a render after the header.
    await waitFor(() => expect(caseOrder()).toEqual([cases.kim, cases.lou, cases.pat]));

    await user.click(within(header('Member')).getByRole('button'));

    await waitFor(() => expect(header('Member').getAttribute('aria-sort')).toBe('descending'));
    await waitFor(() => expect(caseOrder()).toEqual([cases.pat, cases.lou, cases.kim]));

    await user.click(within(header('Priority')).getByRole('button'));

    await waitFor(() => expect(header('Priority').getAttribute('aria-sort')).toBe('ascending'));
    // Escalated before High; High ties newest received first.
    await waitFor(() => expect(caseOrder()).toEqual([cases.lou, cases.pat, cases.kim]));
  });

  it('narrows the rows as a search is typed, on text the masked cells do not show', async () => {
    const { user } = await openLog();
    const search = screen.getByRole('searchbox', { name: 'Search the log' });

    await user.type(search, 'park');

    await waitFor(() => expect(caseOrder()).toEqual([cases.lou]));
    expect(screen.getByRole('status').textContent).toBe('1 inquiry');

    await user.clear(search);
    await user.type(search, 'dialysis');

    await waitFor(() => expect(caseOrder()).toEqual([cases.pat]));

    await user.type(search, ' wheelchair');

    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('0 inquiries'));
    expect(caseOrder()).toEqual([]);
    expect(screen.getByText('No inquiries in this queue match the search and filters.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Clear search and filters' }));

    await waitFor(() => expect(caseOrder()).toEqual([cases.pat, cases.lou, cases.kim]));
    expect((search as HTMLInputElement).value).toBe('');
  });

  it('shows a row logged elsewhere in the app without reloading the log', async () => {
    await openLog();

    const { caseNumber } = await desk.repo.logInquiry({ ...PAT_LEE, memberName: 'Ray Diaz', description: 'New card never came.' });

    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('4 inquiries'));
    expect(caseOrder()).toEqual([caseNumber, cases.pat, cases.lou, cases.kim]);
    expect(rowOf(caseNumber).textContent).toContain('R. D. •••');
  });
});
