/** Past batches, as the service keeps them. */
import { create } from 'zustand';
import type { Batch } from '../../../core/contract/api';
import type { Told } from '../i18n/said-text';
import { failureTold, service } from './service';

export interface HistoryStore {
  batches: Batch[];
  error: Told | null;
  load(): Promise<void>;
  clear(): Promise<void>;
  /** Keeps the batches shown up to date with the service's events; the function stops it. */
  listen(): () => void;
}

export const useHistory = create<HistoryStore>()((set, get) => ({
  batches: [],
  error: null,
  async load() {
    try {
      const batches = await service().history({});
      set({ batches: [...batches].reverse(), error: null });
    } catch (error) {
      set({ error: failureTold(error) });
    }
  },
  listen() {
    return service().subscribe((batch) => {
      set((state) => {
        const at = state.batches.findIndex((known) => known.id === batch.id);
        if (at < 0) return { batches: [...state.batches, batch] };
        const batches = [...state.batches];
        batches[at] = batch;
        return { batches };
      });
    });
  },
  async clear() {
    try {
      await service().clearHistory({});
      await get().load();
    } catch (error) {
      set({ error: failureTold(error) });
    }
  },
}));
