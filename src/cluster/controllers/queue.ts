/**
 * A controller's work queue: `ns/name` keys marked dirty by watch events, drained in sorted order
 * so that a run is reproducible (client-go's workqueue deduplicates the same way).
 */
export class KeyQueue {
  private readonly keys = new Set<string>();

  add(key: string): void {
    this.keys.add(key);
  }

  /** Hand every queued key to `work`, in order; keys added meanwhile wait for the next drain. */
  drain(work: (key: string) => void): boolean {
    if (this.keys.size === 0) return false;
    const keys = [...this.keys].sort();
    this.keys.clear();
    for (const k of keys) work(k);
    return true;
  }
}
