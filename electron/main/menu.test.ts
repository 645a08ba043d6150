// Issue 6, native: the application menu has Open, Export, Send and Quit with the usual
// shortcuts, on every platform.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from './menu';
import type { MenuAction } from './menu';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? items(item.submenu) : []),
  ]);
}

function build(platform: NodeJS.Platform, developer = false) {
  const actions: MenuAction[] = [];
  const template = menuTemplate({
    platform,
    appName: 'Sendsheet',
    developer,
    run: (action) => actions.push(action),
  });
  const all = items(template);
  const byLabel = (label: string) => all.find((item) => item.label === label);
  return { template, all, byLabel, actions };
}

describe('issue 6: the application menu', () => {
  it.each(['linux', 'win32', 'darwin'] as const)(
    '%s: Open, Export and Send, with their shortcuts, run their action',
    (platform) => {
      const { byLabel, actions } = build(platform);
      const expected: [string, string, MenuAction][] = [
        ['Open…', 'CmdOrCtrl+O', 'open'],
        ['Export…', 'CmdOrCtrl+E', 'export'],
        ['Send', 'CmdOrCtrl+Enter', 'send'],
      ];
      for (const [label, accelerator, action] of expected) {
        const item = byLabel(label);
        expect([label, item?.accelerator]).toEqual([label, accelerator]);
        const click = item!.click as unknown as () => void;
        click();
        expect(actions.at(-1)).toBe(action);
      }
      expect(actions).toHaveLength(3);
    },
  );

  it.each([
    ['linux', 'Ctrl+Q'],
    ['win32', 'Ctrl+Q'],
    ['darwin', 'Cmd+Q'],
  ] as const)('%s: Quit, once, on %s', (platform, accelerator) => {
    const quits = build(platform).all.filter((item) => item.role === 'quit');
    expect(quits.map((item) => item.accelerator)).toEqual([accelerator]);
  });

  it('macOS: the app menu comes first, named after the app; Close Window in File', () => {
    const { template, all } = build('darwin');
    expect(template[0]!.label).toBe('Sendsheet');
    expect(all.some((item) => item.role === 'close')).toBe(true);
    expect(all.some((item) => item.role === 'about')).toBe(true);
  });

  it('Windows and Linux: no app menu; File has a mnemonic', () => {
    const { template } = build('win32');
    expect(template[0]!.label).toBe('&File');
    expect(template.some((item) => item.label === 'Sendsheet')).toBe(false);
  });

  it('the Edit menu (copy and paste) and the Window menu are there everywhere', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const roles = build(platform).template.map((item) => item.role);
      expect(roles).toContain('editMenu');
      expect(roles).toContain('windowMenu');
    }
  });

  it('reload and the developer tools only in a developer build', () => {
    const roles = (developer: boolean) => build('linux', developer).all.map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(true)).toContain('reload');
  });

  it('no two items share a shortcut', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const accelerators = build(platform, true)
        .all.map((item) => item.accelerator)
        .filter((accelerator) => accelerator !== undefined);
      expect(new Set(accelerators).size).toBe(accelerators.length);
    }
  });
});
