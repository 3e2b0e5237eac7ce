/**
 * A bounded memo for pure functions of text: `folio serve` rebuilds on every save, and most of
 * what it reads is the same text as the build before. The oldest entry goes first.
 */
export class TextMemo<T> {
  readonly #values = new Map<string, T>();

  constructor(private readonly size: number) {}

  /**
   * The value remembered for `key`, or `make()`'s (remembered unless it throws). `remembered` is
   * told of a value found here, which `make` would have recorded elsewhere (a build's cache).
   */
  get(key: string, make: () => T, remembered?: (value: T) => void): T {
    const known = this.#values.get(key);
    if (known !== undefined) {
      remembered?.(known);
      return known;
    }
    const made = make();
    this.#values.set(key, made);
    if (this.#values.size > this.size) this.#values.delete(this.#values.keys().next().value!);
    return made;
  }

  forget(key: string): void {
    this.#values.delete(key);
  }
}
