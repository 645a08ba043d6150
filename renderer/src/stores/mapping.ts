/** Which column is which: guessed when a sheet is chosen, then the person's to change. */
import { create } from 'zustand';
import { EMPTY_MAPPING, guessMapping } from '../logic/mapping';
import type { Mapping, MessageSource } from '../logic/mapping';
import type { Sheet } from '../logic/sheet';

export interface MappingStore {
  mapping: Mapping;
  /** The sheet the mapping is for, so a new sheet gets new guesses. */
  sheet: Sheet | null;
  guessFor(sheet: Sheet | null): void;
  setColumn(field: 'msisdn' | 'sender' | 'userref' | 'class', column: number | null): void;
  setMessage(source: MessageSource | null): void;
}

export const useMapping = create<MappingStore>()((set, get) => ({
  mapping: EMPTY_MAPPING,
  sheet: null,
  guessFor(sheet) {
    if (get().sheet === sheet) return;
    set({ sheet, mapping: sheet === null ? EMPTY_MAPPING : guessMapping(sheet) });
  },
  setColumn: (field, column) =>
    set((state) => ({ mapping: { ...state.mapping, [field]: column } })),
  setMessage: (message) => set((state) => ({ mapping: { ...state.mapping, message } })),
}));
