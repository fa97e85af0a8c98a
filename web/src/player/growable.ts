// Growable typed arrays: append-only columns that double their capacity, so ingesting a
// million events costs a handful of reallocations and reads stay on flat typed memory.

type TypedArray = Float64Array | Uint32Array | Int32Array | Uint16Array | Uint8Array;

interface TypedArrayConstructor<T extends TypedArray> {
  new (length: number): T;
}

/** Column is one growable typed array; `data` may be replaced when it grows. */
export class Column<T extends TypedArray> {
  data: T;
  length = 0;

  constructor(
    private readonly make: TypedArrayConstructor<T>,
    capacity = 64,
  ) {
    this.data = new make(capacity);
  }

  /** reserve makes room for `extra` more values without further reallocation. */
  reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.data.length) return;
    let capacity = this.data.length * 2;
    while (capacity < needed) capacity *= 2;
    const next = new this.make(capacity);
    next.set(this.data.subarray(0, this.length) as never);
    this.data = next;
  }

  push(value: number): void {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length++] = value;
  }

  /** insert puts value at index, shifting the tail right by one. */
  insert(index: number, value: number): void {
    if (this.length === this.data.length) this.reserve(1);
    this.data.copyWithin(index + 1, index, this.length);
    this.data[index] = value;
    this.length += 1;
  }

  get last(): number {
    return this.data[this.length - 1];
  }
}

export const f64 = (capacity?: number) => new Column(Float64Array, capacity);
export const u32 = (capacity?: number) => new Column(Uint32Array, capacity);
export const i32 = (capacity?: number) => new Column(Int32Array, capacity);
export const u16 = (capacity?: number) => new Column(Uint16Array, capacity);
export const u8 = (capacity?: number) => new Column(Uint8Array, capacity);
