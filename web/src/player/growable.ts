// Growable typed arrays: append-only columns that double their capacity, so ingesting a
// million events costs a handful of reallocations and reads stay on flat typed memory.
// A column that outgrows IN_PLACE_FROM values moves to a resizable ArrayBuffer, which grows
// in place: doubling a million-value column by allocating and copying takes tens of
// milliseconds on the page's main thread, resizing takes none. The threshold is low because
// columns grow in step: a lane's twelve columns fill together, and the lanes of a busy run
// (a task, its core, the GIL) hold about as many segments each, so dozens of columns copy in
// the same batch; at 65,536 values that was 30-50 ms, at 8,192 it is a few.

type TypedArray = Float64Array | Uint32Array | Int32Array | Uint16Array | Uint8Array;

interface TypedArrayConstructor<T extends TypedArray> {
  new (length: number): T;
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
}

/** ResizableBuffer is an ArrayBuffer made with a maxByteLength (ES2024; Chromium 111+, Node 20). */
interface ResizableBuffer extends ArrayBuffer {
  readonly maxByteLength: number;
  resize(byteLength: number): void;
}

/** IN_PLACE_FROM is the capacity from which a column grows in place; smaller ones copy, which is cheap. */
export const IN_PLACE_FROM = 1 << 13;
/**
 * MAX_IN_PLACE_BYTES is a resizable column's reserved address space (8M f64 values: the page's
 * 2,000,000-event limit with room for growing ahead); beyond it, growth copies again.
 * Reservations share the process's address space with the engine's memory, so they stay modest.
 */
const MAX_IN_PLACE_BYTES = 1 << 26;
const RESIZABLE = typeof (ArrayBuffer.prototype as Partial<ResizableBuffer>).resize === 'function';

function resizable(bytes: number): ResizableBuffer | null {
  if (!RESIZABLE || bytes > MAX_IN_PLACE_BYTES) return null;
  try {
    return new (ArrayBuffer as unknown as new (length: number, options: { maxByteLength: number }) => ResizableBuffer)(
      bytes,
      { maxByteLength: MAX_IN_PLACE_BYTES },
    );
  } catch {
    // The address space could not be reserved: grow by copying.
    return null;
  }
}

/** Column is one growable typed array; `data` may be replaced when it grows. */
export class Column<T extends TypedArray> {
  data: T;
  length = 0;
  private buffer: ResizableBuffer | null = null;

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
    const bytes = capacity * this.make.BYTES_PER_ELEMENT;
    if (this.buffer && bytes <= this.buffer.maxByteLength) {
      this.buffer.resize(bytes);
      this.data = new this.make(this.buffer, 0, capacity);
      return;
    }
    this.buffer = capacity >= IN_PLACE_FROM ? resizable(bytes) : null;
    const next = this.buffer ? new this.make(this.buffer, 0, capacity) : new this.make(capacity);
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

// Each element type has its own subclass whose push and insert are written out again: a store
// site in V8 remembers the kinds of typed array it has seen, and one shared `push` for five
// element types (each plain or on a resizable buffer) went megamorphic and slow. Ingesting a
// thread-switching run spent 60% of its time in that one line; per-type copies keep every site
// at one or two kinds.
class F64Column extends Column<Float64Array> {
  constructor(capacity?: number) {
    super(Float64Array, capacity);
  }

  override push(value: number): void {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length++] = value;
  }
}

class U32Column extends Column<Uint32Array> {
  constructor(capacity?: number) {
    super(Uint32Array, capacity);
  }

  override push(value: number): void {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length++] = value;
  }

  override insert(index: number, value: number): void {
    if (this.length === this.data.length) this.reserve(1);
    this.data.copyWithin(index + 1, index, this.length);
    this.data[index] = value;
    this.length += 1;
  }
}

class I32Column extends Column<Int32Array> {
  constructor(capacity?: number) {
    super(Int32Array, capacity);
  }

  override push(value: number): void {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length++] = value;
  }
}

class U16Column extends Column<Uint16Array> {
  constructor(capacity?: number) {
    super(Uint16Array, capacity);
  }

  override push(value: number): void {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length++] = value;
  }
}

class U8Column extends Column<Uint8Array> {
  constructor(capacity?: number) {
    super(Uint8Array, capacity);
  }

  override push(value: number): void {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length++] = value;
  }
}

export const f64 = (capacity?: number): Column<Float64Array> => new F64Column(capacity);
export const u32 = (capacity?: number): Column<Uint32Array> => new U32Column(capacity);
export const i32 = (capacity?: number): Column<Int32Array> => new I32Column(capacity);
export const u16 = (capacity?: number): Column<Uint16Array> => new U16Column(capacity);
export const u8 = (capacity?: number): Column<Uint8Array> => new U8Column(capacity);
