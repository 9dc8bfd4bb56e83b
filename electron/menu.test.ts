import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS } from '../shared/ipc';
import { APP_COMMANDS, buildMenuTemplate, type MenuOptions } from './menu';

function build(overrides: Partial<MenuOptions> = {}) {
  const send = vi.fn();
  const template = buildMenuTemplate({ platform: 'win32', isPackaged: true, appName: 'Liaison Log', send, ...overrides });
  return { template, send };
}

const labels = (template: MenuItemConstructorOptions[]) => template.map((item) => item.label ?? item.role);
const submenu = (item: MenuItemConstructorOptions | undefined) => (Array.isArray(item?.submenu) ? item.submenu : []);
const allItems = (template: MenuItemConstructorOptions[]) => template.flatMap((top) => submenu(top));
const roles = (template: MenuItemConstructorOptions[]) => allItems(template).map((item) => item.role);

describe('the application menu', () => {
  it('on Windows and Linux: File, Edit, Go, View, Window, Help with Alt mnemonics', () => {
    expect(labels(build().template)).toEqual(['&File', '&Edit', '&Go', '&View', '&Window', '&Help']);
    expect(labels(build({ platform: 'linux' }).template)).toEqual(['&File', '&Edit', '&Go', '&View', '&Window', '&Help']);
  });

  it('on macOS: the app menu first, and no mnemonics', () => {
    const { template } = build({ platform: 'darwin' });
    expect(labels(template)).toEqual(['Liaison Log', 'File', 'Edit', 'Go', 'View', 'Window', 'Help']);
    expect(submenu(template[0]).map((i) => i.role ?? i.type)).toEqual([
      'about',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit',
    ]);
  });

  it('has each app command once, with its shortcut, sending it to the page when chosen', () => {
    const { template, send } = build();
    for (const command of MENU_COMMANDS) {
      const matches = allItems(template).filter((item) => item.id === command);
      expect(matches).toHaveLength(1);
      const [item] = matches;
      expect(item?.accelerator).toBe(APP_COMMANDS[command].accelerator);
      (item?.click as (() => void) | undefined)?.();
      expect(send).toHaveBeenLastCalledWith(command);
    }
    expect(send).toHaveBeenCalledTimes(MENU_COMMANDS.length);
  });

  it('uses distinct shortcuts: new inquiry Ctrl+N, find Ctrl+F, next due Ctrl+J, log Ctrl+Shift+L (Ctrl+L locks)', () => {
    expect(Object.values(APP_COMMANDS).map((c) => c.accelerator)).toEqual([
      'CmdOrCtrl+N',
      'CmdOrCtrl+F',
      'CmdOrCtrl+J',
      'CmdOrCtrl+Shift+L',
    ]);
  });

  it('puts the commands where people look: New in File, Find in Edit, Next due in Go', () => {
    const { template } = build();
    expect(submenu(template[0]).map((i) => i.id ?? i.role ?? i.type)).toEqual(['new-inquiry', 'separator', 'quit']);
    expect(submenu(template[1]).at(-1)?.id).toBe('find');
    expect(submenu(template[2]).map((i) => i.id)).toEqual(['go-to-log', 'next-due']);
  });

  it('has the standard editing roles, so copy, paste and undo shortcuts work in every field', () => {
    expect(roles(build().template)).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete', 'selectAll']),
    );
  });

  it('has zoom for people who need larger text', () => {
    expect(roles(build().template)).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']));
  });

  it('an installed build has no reload and no developer tools', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      const found = roles(build({ platform, isPackaged: true }).template);
      expect(found).not.toContain('toggleDevTools');
      expect(found).not.toContain('reload');
      expect(found).not.toContain('forceReload');
    }
  });

  it('a development run has reload and developer tools under View', () => {
    const view = build({ isPackaged: false }).template.find((item) => item.label === '&View');
    expect(submenu(view).map((i) => i.role)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });
});
