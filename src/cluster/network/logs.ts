/**
 * Container logs as the kubelet keeps them (one file per container instance under
 * /var/log/pods): what an app printed since it started. `kubectl logs` reads the current
 * instance; `--previous` the one before the last restart.
 */

export interface LogLine {
  time: number;
  text: string;
}

export class LogStore {
  private readonly lines = new Map<string, LogLine[]>();

  private static key(uid: string, container: string, instance: number): string {
    return `${uid}/${container}/${instance}`;
  }

  append(uid: string, container: string, instance: number, time: number, text: string): void {
    const k = LogStore.key(uid, container, instance);
    let list = this.lines.get(k);
    if (!list) this.lines.set(k, (list = []));
    list.push({ time, text });
  }

  read(uid: string, container: string, instance: number): readonly LogLine[] {
    return this.lines.get(LogStore.key(uid, container, instance)) ?? [];
  }

  /** Forget a deleted pod's logs (the kubelet removes its log directory). */
  forget(uid: string): void {
    for (const k of [...this.lines.keys()]) if (k.startsWith(`${uid}/`)) this.lines.delete(k);
  }
}
