// Dice coefficients of 1024-bit encodings in WebAssembly with SIMD popcount (see dice.wat and
// scripts/matching/build-dice-wasm.mjs). A DiceIndex holds a set of encodings in the module's memory and
// compares one query with all of them, or with one of them.
import { CLK_WORDS } from '@comity/core/matching/clk';
import { DICE_WASM_BASE64 } from './dice-wasm.generated.ts';

const BYTES = CLK_WORDS * 4;

// The part of the WebAssembly JS API used here (the project's TypeScript libs do not declare it).
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
let compiled: object | undefined;

interface DiceExports {
  memory: WasmMemory;
  dice_many(q: number, base: number, n: number, out: number): void;
}

export class DiceIndex {
  readonly size: number;
  private readonly exports: DiceExports;
  private readonly base: number;
  private readonly query: number;
  private readonly out: number;

  constructor(encodings: readonly Uint32Array[]) {
    compiled ??= new wasm.Module(Buffer.from(DICE_WASM_BASE64, 'base64'));
    this.exports = new wasm.Instance(compiled).exports as unknown as DiceExports;
    this.size = encodings.length;
    this.query = 0;
    this.base = BYTES;
    this.out = this.base + this.size * BYTES;
    const needed = this.out + this.size * 4;
    const mem = this.exports.memory;
    const pages = Math.ceil(needed / 65536) - mem.buffer.byteLength / 65536;
    if (pages > 0) mem.grow(pages);
    const words = new Uint32Array(mem.buffer, this.base, this.size * CLK_WORDS);
    encodings.forEach((e, i) => {
      if (e.length !== CLK_WORDS) throw new Error(`encoding ${i} has ${e.length * 32} bits, not ${CLK_WORDS * 32}`);
      words.set(e, i * CLK_WORDS);
    });
  }

  private setQuery(q: Uint32Array): void {
    if (q.length !== CLK_WORDS) throw new Error(`query has ${q.length * 32} bits, not ${CLK_WORDS * 32}`);
    new Uint32Array(this.exports.memory.buffer, this.query, CLK_WORDS).set(q);
  }

  /** Dice of `q` with every stored encoding; the returned view is overwritten by the next call. */
  diceAll(q: Uint32Array): Float32Array {
    this.setQuery(q);
    this.exports.dice_many(this.query, this.base, this.size, this.out);
    return new Float32Array(this.exports.memory.buffer, this.out, this.size);
  }

  /** Dice of `q` with the stored encodings at `indices`. */
  diceSome(q: Uint32Array, indices: readonly number[]): number[] {
    this.setQuery(q);
    const out = new Float32Array(this.exports.memory.buffer, this.out, 1);
    return indices.map((j) => {
      this.exports.dice_many(this.query, this.base + j * BYTES, 1, this.out);
      return out[0]!;
    });
  }
}
