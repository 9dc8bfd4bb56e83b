/**
 * Which inquiries changed, announced after each committed write. Other windows of the same
 * origin hear it through a BroadcastChannel, so the in-memory log stays current without re-reading it.
 */
type Listener = (inquiryIds: readonly string[]) => void;

export class ChangeFeed {
  private readonly listeners = new Set<Listener>();
  private readonly channel: BroadcastChannel | null;

  constructor(name: string) {
    this.channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(`${name}:changes`);
    if (this.channel) this.channel.onmessage = (e: MessageEvent<string[]>) => this.emitLocal(e.data);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(inquiryIds: readonly string[]): void {
    if (inquiryIds.length === 0) return;
    this.emitLocal(inquiryIds);
    this.channel?.postMessage([...inquiryIds]);
  }

  close(): void {
    this.channel?.close();
    this.listeners.clear();
  }

  private emitLocal(ids: readonly string[]): void {
    for (const l of this.listeners) l(ids);
  }
}
