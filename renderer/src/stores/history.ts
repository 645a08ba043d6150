/** Past batches, as the service keeps them. */
import { create } from 'zustand';
import type { Batch } from '../../../core/contract/api';
import { errorWords, service } from './service';

export interface HistoryStore {
  batches: Batch[];
  error: string | null;
  load(): Promise<void>;
  clear(): Promise<void>;
}

export const useHistory = create<HistoryStore>()((set, get) => ({
  batches: [],
  error: null,
  async load() {
    try {
      const batches = await service().history({});
      set({ batches: [...batches].reverse(), error: null });
    } catch (error) {
      set({ error: errorWords(error) });
    }
  },
  async clear() {
    try {
      await service().clearHistory({});
      await get().load();
    } catch (error) {
      set({ error: errorWords(error) });
    }
  },
}));
