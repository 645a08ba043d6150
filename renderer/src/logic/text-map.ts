/**
 * A map keyed by text that leaves its keys as they are. Chromium's V8 internalizes a string used
 * as a key of a Map or Set, even to look one up: the string moves into the string table, and the
 * next garbage collection points every reference at that copy. A preview's 100,000 phone numbers
 * then stay in the string table, which every major collection walks while the page waits: the
 * pauses were 7 ms longer, in the middle of a scroll. Here a key is hashed and looked up by that
 * number, which V8 leaves alone, and compared with `===`, which does not internalize either.
 */
export class TextMap<V> {
  /** Per hash, the one entry with it, or (rarely) all of them. */
  private readonly buckets = new Map<number, Entry<V> | Entry<V>[]>();

  get(key: string): V | undefined {
    const bucket = this.buckets.get(hashText(key));
    if (bucket === undefined) return undefined;
    if (!Array.isArray(bucket)) return bucket.key === key ? bucket.value : undefined;
    for (const entry of bucket) if (entry.key === key) return entry.value;
    return undefined;
  }

  set(key: string, value: V): void {
    const hash = hashText(key);
    const bucket = this.buckets.get(hash);
    if (bucket === undefined) {
      this.buckets.set(hash, { key, value });
    } else if (!Array.isArray(bucket)) {
      if (bucket.key === key) bucket.value = value;
      else this.buckets.set(hash, [bucket, { key, value }]);
    } else {
      const entry = bucket.find((candidate) => candidate.key === key);
      if (entry !== undefined) entry.value = value;
      else bucket.push({ key, value });
    }
  }
}

interface Entry<V> {
  key: string;
  value: V;
}

/** FNV-1a over the UTF-16 code units: a few ns for a phone number. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
