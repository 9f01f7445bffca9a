/**
 * localStorage that never breaks the page. In a third-party iframe with storage blocked, or under
 * an opaque origin, every access throws (SecurityError); then progress lives in memory and the
 * page says so (see /work/shared/reference/embedding.md §2).
 */
export interface SafeStorage {
  readonly persistent: boolean;
  get(key: string): string | null;
  set(key: string, value: string): boolean;
  remove(key: string): void;
  keys(): string[];
}

export function openStorage(probe: () => Storage | null = () => globalThis.localStorage ?? null): SafeStorage {
  let ls: Storage | null = null;
  try {
    ls = probe();
    if (ls) {
      ls.setItem('kubelab:probe', '1');
      ls.removeItem('kubelab:probe');
    }
  } catch {
    ls = null;
  }
  const memory = new Map<string, string>();
  if (!ls) {
    return {
      persistent: false,
      get: (k) => memory.get(k) ?? null,
      set: (k, v) => (memory.set(k, v), true),
      remove: (k) => void memory.delete(k),
      keys: () => [...memory.keys()],
    };
  }
  const store = ls;
  return {
    persistent: true,
    get: (k) => {
      try {
        return store.getItem(k);
      } catch {
        return memory.get(k) ?? null;
      }
    },
    set: (k, v) => {
      try {
        store.setItem(k, v);
        return true;
      } catch {
        // Quota or a storage revoked mid-session: keep it in memory.
        memory.set(k, v);
        return false;
      }
    },
    remove: (k) => {
      try {
        store.removeItem(k);
      } catch {
        memory.delete(k);
      }
    },
    keys: () => {
      try {
        return Object.keys(store);
      } catch {
        return [...memory.keys()];
      }
    },
  };
}
