// A map bounded by the bytes it holds, not by its entry count: one large page cached under many
// keys must not take the process's memory with it. The least recently stored entry goes first.
export class ByteBudgetMap<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private held = 0;

  constructor(
    readonly maxBytes: number,
    /** What a key costs beside its value: the map's own bookkeeping, roughly. */
    private readonly overheadBytes = 200,
  ) {}

  get(key: string): V | undefined {
    return this.entries.get(key)?.value;
  }

  /** Stores value as costing `bytes`; an entry larger than the whole budget is not kept at all. */
  set(key: string, value: V, bytes: number): void {
    this.delete(key);
    const cost = bytes + key.length * 2 + this.overheadBytes;
    if (cost > this.maxBytes) return;
    this.entries.set(key, { value, bytes: cost });
    this.held += cost;
    // Maps iterate in insertion order, so the first key is the least recently stored.
    while (this.held > this.maxBytes) this.delete(this.entries.keys().next().value as string);
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.held -= entry.bytes;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Bytes held, bookkeeping included. */
  get bytes(): number {
    return this.held;
  }
}
