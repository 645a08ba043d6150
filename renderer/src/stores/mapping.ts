/**
 * Which column is which: guessed when a sheet is shown (stores/file.ts), then the person's to
 * change.
 */
import { create } from 'zustand';
import { EMPTY_MAPPING, guessMapping } from '../logic/mapping';
import type { Mapping, MessageSource } from '../logic/mapping';
import type { Sheet } from '../logic/sheet';
import { useSending } from './sending';

/** How long the message text rests before the preview is built for it. */
export const TEMPLATE_SETTLE_MS = 250;

export interface MappingStore {
  mapping: Mapping;
  /** The sheet the mapping is for, so a new sheet gets new guesses. */
  sheet: Sheet | null;
  /**
   * The message text as the person is typing it, before it is the mapping's; null when none
   * is pending. Filling a template for 100,000 rows takes a quarter of a second, so the preview
   * follows the text once typing rests, and nothing is exported or sent while it is pending.
   */
  draft: string | null;
  guessFor(sheet: Sheet | null): void;
  setColumn(field: 'msisdn' | 'sender' | 'userref' | 'class', column: number | null): void;
  setMessage(source: MessageSource | null): void;
  /** Types the template's text; it becomes the mapping's after TEMPLATE_SETTLE_MS at rest. */
  editTemplate(text: string): void;
}

let settling: ReturnType<typeof setTimeout> | undefined;

export const useMapping = create<MappingStore>()((set, get) => ({
  mapping: EMPTY_MAPPING,
  sheet: null,
  draft: null,
  guessFor(sheet) {
    if (get().sheet === sheet) return;
    clearTimeout(settling);
    set({ sheet, draft: null, mapping: sheet === null ? EMPTY_MAPPING : guessMapping(sheet) });
    // Other columns make other messages: a file exported before them is not theirs.
    useSending.getState().clearResult();
  },
  setColumn(field, column) {
    set((state) => ({ mapping: { ...state.mapping, [field]: column } }));
    useSending.getState().clearResult();
  },
  setMessage(message) {
    clearTimeout(settling);
    set((state) => ({ draft: null, mapping: { ...state.mapping, message } }));
    useSending.getState().clearResult();
  },
  editTemplate(text) {
    clearTimeout(settling);
    set({ draft: text });
    settling = setTimeout(() => get().setMessage({ kind: 'template', text }), TEMPLATE_SETTLE_MS);
  },
}));
