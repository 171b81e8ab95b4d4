/** One message as the logging sender kept it: full text and number (for the admin outbox only, never logged). */
export interface SmsOutboxEntry {
  outId: string;
  messageId: string;
  phone: string;
  template: string;
  text: string;
  sentAt: string;
}

/** A fixed-size ring of the last `capacity` messages; the oldest is overwritten first. */
export class SmsOutboxRing {
  private readonly items: SmsOutboxEntry[] = [];
  private next = 0;

  constructor(private readonly capacity: number) {}

  push(e: SmsOutboxEntry): void {
    if (this.items.length < this.capacity) this.items.push(e);
    else this.items[this.next] = e;
    this.next = (this.next + 1) % this.capacity;
  }

  /** Newest first. */
  newestFirst(): SmsOutboxEntry[] {
    const n = this.items.length;
    const out: SmsOutboxEntry[] = [];
    for (let i = 1; i <= n; i++) out.push(this.items[(this.next - i + n * 2) % n]);
    return out;
  }

  find(outId: string): SmsOutboxEntry | undefined {
    return this.items.find((e) => e.outId === outId);
  }
}
