/**
 * The window opens where the person left it: its size and position, and whether it was
 * maximized, kept as JSON in the app's user data. A position no display shows any more (a
 * monitor unplugged) is dropped, so the window never opens out of reach.
 */
import { z } from 'zod';
import { readTextIfAny, writePrivateFile } from '../base/files';
import { MIN_HEIGHT, MIN_WIDTH } from './security';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 860, maximized: false };
export const WINDOW_STATE_FILE = 'window-state.json';

const coordinate = z.number().int().min(-100_000).max(100_000);
const size = z.number().int().min(1).max(100_000);
const Stored = z.object({
  x: coordinate.optional(),
  y: coordinate.optional(),
  width: size,
  height: size,
  maximized: z.boolean().optional(),
});

/** The state kept in `text`; the default for no file, a damaged file or one from elsewhere. */
export function parseWindowState(text: string | null): WindowState {
  if (text === null) return DEFAULT_WINDOW_STATE;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
  const parsed = Stored.safeParse(json);
  if (!parsed.success) return DEFAULT_WINDOW_STATE;
  const { x, y, width, height, maximized } = parsed.data;
  const placed = x !== undefined && y !== undefined ? { x, y } : {};
  return { ...placed, width, height, maximized: maximized ?? false };
}

/** How much of the title bar must be on a display for the window to be within reach. */
const REACHABLE_WIDTH = 100;
const REACHABLE_HEIGHT = 40;

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * The state fitted to the displays as they are now (their work areas): no larger than the
 * largest, at least the window's minimum, and placed only where its title bar can be grabbed;
 * otherwise without a position, which Electron centres.
 */
export function fitWindowState(state: WindowState, workAreas: readonly Rect[]): WindowState {
  // No display known: nothing to fit to.
  const known = workAreas.length > 0;
  const maxWidth = known ? Math.max(MIN_WIDTH, ...workAreas.map((a) => a.width)) : Infinity;
  const maxHeight = known ? Math.max(MIN_HEIGHT, ...workAreas.map((a) => a.height)) : Infinity;
  const width = Math.min(Math.max(state.width, MIN_WIDTH), maxWidth);
  const height = Math.min(Math.max(state.height, MIN_HEIGHT), maxHeight);
  const fitted: WindowState = { width, height, maximized: state.maximized };
  if (state.x === undefined || state.y === undefined) return fitted;
  const titleBar = { x: state.x, y: state.y, width, height: REACHABLE_HEIGHT };
  const reachable = workAreas.some((area) => {
    const seen = overlap(titleBar, area);
    return seen.width >= Math.min(REACHABLE_WIDTH, width) && seen.height >= REACHABLE_HEIGHT;
  });
  return reachable ? { ...fitted, x: state.x, y: state.y } : fitted;
}

/** What a window tells of itself (Electron's BrowserWindow). */
export interface WindowLike {
  getNormalBounds(): Rect;
  isMaximized(): boolean;
}

/** The state to keep: the size it has when not maximized, so un-maximizing restores it. */
export function windowStateOf(window: WindowLike): WindowState {
  const { x, y, width, height } = window.getNormalBounds();
  return { x, y, width, height, maximized: window.isMaximized() };
}

export async function loadWindowState(
  file: string,
  workAreas: readonly Rect[],
): Promise<WindowState> {
  let text: string | null;
  try {
    text = await readTextIfAny(file);
  } catch {
    text = null;
  }
  return fitWindowState(parseWindowState(text), workAreas);
}

export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await writePrivateFile(file, JSON.stringify(state, null, 2) + '\n');
}
