/**
 * Which inquiries changed, announced after each committed write. Other windows of the same
 * origin hear it through a BroadcastChannel, so the in-memory log stays current without re-reading it.
 */
type Listener = (inquiryIds: readonly string[]) => void;

/** What crosses the channel: the changed inquiries, or word that the agency configuration changed. */
type Message = string[] | { config: true };

export class ChangeFeed {
  private readonly listeners = new Set<Listener>();
  private readonly configListeners = new Set<() => void>();
  private readonly channel: BroadcastChannel | null;

  constructor(name: string) {
    this.channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`${name}:changes`);
    if (this.channel)
      this.channel.onmessage = (e: MessageEvent<Message>) => {
        if (Array.isArray(e.data)) this.emitLocal(e.data);
        else if (e.data?.config === true) for (const l of this.configListeners) l();
      };
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Hears that the agency configuration changed (labels, policy, calendar), here or in another window. */
  onConfigChange(listener: () => void): () => void {
    this.configListeners.add(listener);
    return () => this.configListeners.delete(listener);
  }

  /** Announces a committed change of the agency configuration. */
  publishConfigChange(): void {
    for (const l of this.configListeners) l();
    this.channel?.postMessage({ config: true } satisfies Message);
  }

  publish(inquiryIds: readonly string[]): void {
    if (inquiryIds.length === 0) return;
    this.emitLocal(inquiryIds);
    this.channel?.postMessage([...inquiryIds]);
  }

  close(): void {
    this.channel?.close();
    this.listeners.clear();
    this.configListeners.clear();
  }

  private emitLocal(ids: readonly string[]): void {
    for (const l of this.listeners) l(ids);
  }
}
