import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../shared/api/contract.js';
import { menuTemplate } from './menu.js';
import type { MenuActions } from './menu.js';

function recorder() {
  const calls: string[] = [];
  const actions: MenuActions = {
    command: (c) => calls.push(`command:${c}`),
    nativeEdit: (a) => calls.push(`native:${a}`),
    newProject: () => calls.push('new'),
    openProject: () => calls.push('open'),
    openRecent: (p) => calls.push(`recent:${p}`),
    clearRecent: () => calls.push('clearRecent'),
    closeWindow: () => calls.push('close'),
    quit: () => calls.push('quit'),
  };
  return { calls, actions };
}

/** Every item, depth first, with the top-level menu it sits in. */
function items(template: MenuItemConstructorOptions[]) {
  const all: (MenuItemConstructorOptions & { menu: string })[] = [];
  const walk = (list: MenuItemConstructorOptions[], menu: string) => {
    for (const item of list) {
      all.push({ ...item, menu });
      if (Array.isArray(item.submenu)) walk(item.submenu, menu);
    }
  };
  for (const top of template)
    walk(Array.isArray(top.submenu) ? top.submenu : [], String(top.label ?? top.role));
  return all;
}

function click(item: MenuItemConstructorOptions) {
  (item.click as () => void)();
}

describe('the application menu', () => {
  it('has File, Edit, View and Help, plus the app menu on macOS only', () => {
    const labels = (platform: NodeJS.Platform) =>
      menuTemplate(platform, [], recorder().actions).map((m) => String(m.label).replace('&', ''));
    expect(labels('win32')).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(labels('darwin')).toEqual(['Strata', 'File', 'Edit', 'View', 'Help']);
  });

  it('lists the File and Edit items the app promises', () => {
    const labelsOf = (menu: string) =>
      items(menuTemplate('linux', [], recorder().actions))
        .filter((i) => i.menu === menu)
        .map((i) => i.label)
        .filter(Boolean);
    expect(labelsOf('&File')).toEqual(
      expect.arrayContaining([
        'New',
        'Open…',
        'Open Recent',
        'Save',
        'Save As…',
        'Export…',
        'Close',
        'Quit',
      ]),
    );
    expect(labelsOf('&Edit')).toEqual([
      'Undo',
      'Redo',
      'Cut',
      'Copy',
      'Paste',
      'Delete',
      'Select All',
    ]);
  });

  it('sends every renderer command the contract defines from some item', () => {
    const { calls, actions } = recorder();
    for (const item of items(menuTemplate('linux', [], actions))) if (item.click) click(item);
    const sent = calls
      .filter((c) => c.startsWith('command:'))
      .map((c) => c.slice('command:'.length));
    // 'new' and 'open' make or pick windows in main; 'close' closes the window, which prompts.
    const renderer: MenuCommand[] = ['save', 'saveAs', 'export', 'undo', 'redo', 'cut', 'copy', 'paste', 'delete',
      'selectAll', 'zoomIn', 'zoomOut', 'fitView', 'togglePalette', 'toggleInspector', 'toggleTheme', 'autoLayout']; // prettier-ignore
    expect(new Set(sent)).toEqual(new Set(renderer));
    expect(calls).toEqual(expect.arrayContaining(['new', 'open', 'close', 'quit']));
  });

  it('runs edit items natively too, so text fields keep undo and the clipboard', () => {
    const { calls, actions } = recorder();
    click(items(menuTemplate('linux', [], actions)).find((i) => i.label === 'Paste')!);
    expect(calls).toEqual(['native:paste', 'command:paste']);
  });

  it('uses each platform’s shortcuts', () => {
    const accelerator = (platform: NodeJS.Platform, label: string) =>
      items(menuTemplate(platform, [], recorder().actions)).find((i) => i.label === label)
        ?.accelerator;
    expect(accelerator('darwin', 'Redo')).toBe('Shift+Cmd+Z');
    expect(accelerator('win32', 'Redo')).toBe('Ctrl+Y');
    expect(accelerator('linux', 'Save')).toBe('CmdOrCtrl+S');
    expect(accelerator('win32', 'Delete')).toBeUndefined();
    expect(
      items(menuTemplate('darwin', [], recorder().actions)).find((i) => i.label === 'Quit'),
    ).toBeUndefined();
  });

  it('lists recent projects, opens the one clicked, and can clear the list', () => {
    const { calls, actions } = recorder();
    const all = items(menuTemplate('linux', ['/p/a.strata', '/p/b.strata'], actions));
    click(all.find((i) => i.label === '/p/b.strata')!);
    click(all.find((i) => i.label === 'Clear Recently Opened')!);
    expect(calls).toEqual(['recent:/p/b.strata', 'clearRecent']);
    const empty = items(menuTemplate('linux', [], actions)).find(
      (i) => i.label === 'Clear Recently Opened',
    );
    expect(empty?.enabled).toBe(false);
  });
});
