// A short-lived cache for hot public reads (availability). Many citizens look at the same service's
// free slots; computing them costs milliseconds, serving a copy microseconds. Entries live at most
// `ttlMs` of real time and every write anywhere clears the cache: writes through this node clear it
// when they answer, writes on other nodes through the events channel (LISTEN/NOTIFY). A stale entry
// can only offer a slot that the hold or the booking then refuses with fresh alternatives: the
// database stays the judge.
export class ReadCache {
  private readonly entries = new Map<string, { expires: number; value: unknown }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 5000,
  ) {}

  get<T>(key: string): T | undefined {
    if (this.ttlMs <= 0) return undefined;
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expires < performance.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value as T;
  }

  set(key: string, value: unknown): void {
    if (this.ttlMs <= 0) return;
    // Insertion order makes the oldest entry the first one: a cheap bound on memory.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { expires: performance.now() + this.ttlMs, value });
  }

  clear(): void {
    this.entries.clear();
  }
}
