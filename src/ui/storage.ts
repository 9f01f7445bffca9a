/**
 * localStorage that never breaks the page. In a third-party iframe with storage blocked, or under
 * an opaque origin, every access throws (SecurityError); then progress lives in memory and the
 * page says so (see /work/shared/reference/embedding.md §2).
 */
export interface SafeStorage {
  readonly persistent: boolean;
  /**
   * Called once when a write to persistent storage first fails (quota full, storage revoked):
   * from then on what failed is kept in memory and read from there, and the page says so.
   */
  onWriteFailed?: () => void;
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
  let reported = false;
  const safe: SafeStorage = {
    persistent: true,
    // A value kept in memory after a failed write is newer than the stored one.
    get: (k) => {
      if (memory.has(k)) return memory.get(k)!;
      try {
        return store.getItem(k);
      } catch {
        return null;
      }
    },
    set: (k, v) => {
      try {
        store.setItem(k, v);
        memory.delete(k);
        return true;
      } catch {
        // Quota or a storage revoked mid-session: keep it in memory.
        memory.set(k, v);
        if (!reported) {
          reported = true;
          safe.onWriteFailed?.();
        }
        return false;
      }
    },
    remove: (k) => {
      memory.delete(k);
      try {
        store.removeItem(k);
      } catch {
        // nothing stored to remove
      }
    },
    keys: () => {
      try {
        const stored = Array.from({ length: store.length }, (_, i) => store.key(i)).filter((k): k is string => k !== null);
        return [...new Set([...stored, ...memory.keys()])];
      } catch {
        return [...memory.keys()];
      }
    },
  };
  return safe;
}
