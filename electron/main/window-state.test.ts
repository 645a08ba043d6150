// Issue 6, native: the window's size and position are remembered (JSON in the user data,
// written whole or not at all) and restored only where a display still shows them.
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIN_HEIGHT, MIN_WIDTH } from './security';
import {
  DEFAULT_WINDOW_STATE,
  fitWindowState,
  loadWindowState,
  parseWindowState,
  saveWindowState,
  windowStateOf,
} from './window-state';

const LAPTOP = { x: 0, y: 0, width: 1920, height: 1040 };
const MONITOR = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('issue 6: reading the remembered window state', () => {
  it('no file, a damaged file or one of another shape: the default', () => {
    expect(parseWindowState(null)).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState('{"width": 800, "hei')).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState('[]')).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState('{"width": "800", "height": 600}')).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState('{"width": 800.5, "height": 600}')).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState('{"width": -1, "height": 600}')).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('a good file: its state; a position only when both x and y are there', () => {
    expect(parseWindowState('{"x":5,"y":6,"width":1000,"height":700,"maximized":true}')).toEqual({
      x: 5,
      y: 6,
      width: 1000,
      height: 700,
      maximized: true,
    });
    expect(parseWindowState('{"x":5,"width":1000,"height":700}')).toEqual({
      width: 1000,
      height: 700,
      maximized: false,
    });
  });
});

describe('issue 6: fitting the state to the displays there are now', () => {
  it('a window on a display stays where it was', () => {
    const state = { x: 2000, y: 100, width: 1400, height: 900, maximized: false };
    expect(fitWindowState(state, [LAPTOP, MONITOR])).toEqual(state);
  });

  it('a window left on a monitor that is gone is centred (no position)', () => {
    const state = { x: 2000, y: 100, width: 1400, height: 900, maximized: true };
    expect(fitWindowState(state, [LAPTOP])).toEqual({
      width: 1400,
      height: 900,
      maximized: true,
    });
  });

  it('a title bar above the top of every display cannot be grabbed: centred', () => {
    const state = { x: 100, y: -200, width: 1000, height: 700, maximized: false };
    expect(fitWindowState(state, [LAPTOP]).x).toBeUndefined();
  });

  it('a window mostly off the side but with its title bar reachable stays', () => {
    const state = { x: 1800, y: 10, width: 1000, height: 700, maximized: false };
    expect(fitWindowState(state, [LAPTOP])).toMatchObject({ x: 1800, y: 10 });
    expect(fitWindowState({ ...state, x: 1870 }, [LAPTOP]).x).toBeUndefined();
  });

  it('never larger than the largest display, never smaller than the minimum', () => {
    const huge = { width: 9000, height: 9000, maximized: false };
    expect(fitWindowState(huge, [LAPTOP, MONITOR])).toMatchObject({ width: 2560, height: 1400 });
    const tiny = { width: 10, height: 10, maximized: false };
    expect(fitWindowState(tiny, [LAPTOP])).toMatchObject({ width: MIN_WIDTH, height: MIN_HEIGHT });
  });

  it('without any display known (before ready), the state is kept unplaced', () => {
    expect(fitWindowState({ x: 0, y: 0, width: 1000, height: 700, maximized: false }, [])).toEqual({
      width: 1000,
      height: 700,
      maximized: false,
    });
  });

  it('the state kept is the normal bounds, so un-maximizing restores them', () => {
    const window = {
      getNormalBounds: () => ({ x: 1, y: 2, width: 1000, height: 700 }),
      isMaximized: () => true,
    };
    expect(windowStateOf(window)).toEqual({
      x: 1,
      y: 2,
      width: 1000,
      height: 700,
      maximized: true,
    });
  });
});

describe('issue 6: the state file', () => {
  it('is written whole (no temporary file left), read back, owner-only', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sendsheet-window-'));
    const file = join(dir, 'user-data', 'window-state.json');
    const state = { x: 40, y: 50, width: 1100, height: 750, maximized: false };
    await saveWindowState(file, state);
    expect(await loadWindowState(file, [LAPTOP])).toEqual(state);
    expect(await readdir(join(dir, 'user-data'))).toEqual(['window-state.json']);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);

    await saveWindowState(file, { ...state, maximized: true });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ maximized: true });
  });

  it('a missing or damaged file opens the window at the default', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sendsheet-window-'));
    expect(await loadWindowState(join(dir, 'none.json'), [LAPTOP])).toEqual(DEFAULT_WINDOW_STATE);
    await writeFile(join(dir, 'bad.json'), '\u0000\u0001');
    expect(await loadWindowState(join(dir, 'bad.json'), [LAPTOP])).toEqual(DEFAULT_WINDOW_STATE);
    // A folder where the file should be cannot be read: the default as well.
    expect(await loadWindowState(dir, [LAPTOP])).toEqual(DEFAULT_WINDOW_STATE);
  });
});
