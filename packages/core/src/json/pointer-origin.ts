import type { Origin, Pointer, SourceSpan } from '../model/source.js';
import type { JsonDocument } from './jsonc.js';

/** Origin of a value written at `base` in a JSON document. */
export class PointerOrigin implements Origin {
  constructor(
    readonly document: JsonDocument,
    readonly base: Pointer,
  ) {}
  get file(): string {
    return this.document.file;
  }
  locate(keys: Pointer): SourceSpan | undefined {
    return this.document.locate(keys.length ? [...this.base, ...keys] : this.base);
  }
}
