/** Storage that never breaks the page: blocked, full, or revoked while the lab runs. */
import { describe, expect, it } from 'vitest';
import { openStorage } from '../../src/ui/storage.ts';

/** A localStorage stand-in holding at most `quota` characters of keys and values. */
function limitedStorage(quota: number): Storage {
  const data = new Map<string, string>();
  const used = () => [...data].reduce((n, [k, v]) => n + k.length + v.length, 0);
  return {
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => data.get(k) ?? null,
    setItem(k, v) {
      const before = data.get(k);
      data.set(k, String(v));
      if (used() > quota) {
        if (before === undefined) data.delete(k);
        else data.set(k, before);
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
    },
    removeItem: (k) => void data.delete(k),
    clear: () => data.clear(),
  } as Storage;
}

describe('safe storage', () => {
  it('runs in memory where storage is blocked', () => {
    const s = openStorage(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    expect(s.persistent).toBe(false);
    expect(s.set('a', '1')).toBe(true);
    expect(s.get('a')).toBe('1');
  });

  it('keeps what a full storage refused in memory, reads it back from there, and says so once', () => {
    const ls = limitedStorage(40);
    const s = openStorage(() => ls);
    let reports = 0;
    s.onWriteFailed = () => reports++;
    expect(s.set('kubelab:lesson:a', 'small')).toBe(true);
    expect(s.set('kubelab:lesson:a', 'x'.repeat(100))).toBe(false);
    // The newer value, not the stale one still in localStorage.
    expect(s.get('kubelab:lesson:a')).toBe('x'.repeat(100));
    expect(ls.getItem('kubelab:lesson:a')).toBe('small');
    expect(s.set('kubelab:lesson:b', 'y'.repeat(100))).toBe(false);
    expect(reports).toBe(1);
    expect(s.keys().sort()).toEqual(['kubelab:lesson:a', 'kubelab:lesson:b']);
    // Once it fits again, it is stored and read from storage.
    expect(s.set('kubelab:lesson:a', 'fits')).toBe(true);
    expect(ls.getItem('kubelab:lesson:a')).toBe('fits');
    expect(s.get('kubelab:lesson:a')).toBe('fits');
    s.remove('kubelab:lesson:b');
    expect(s.get('kubelab:lesson:b')).toBeNull();
  });
});
