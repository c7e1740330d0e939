import type { Resource, SourceLanguage } from '../model/resource.js';
import type { SourceSpan } from '../model/source.js';
import type { Limits } from './limits.js';

export type FileStatus = 'scanned' | 'skipped' | 'failed';

/** A problem found while loading: syntax errors, unresolved references, refused paths. */
export interface Diagnostic {
  readonly severity: 'error' | 'warning' | 'info';
  /** Short stable code, e.g. `json-syntax`, `unknown-function`, `cap-copy-count`, `module-not-resolved`. */
  readonly code: string;
  /** A sentence a person understands, naming the file and line where there is one. */
  readonly message: string;
  readonly span?: SourceSpan;
}

/** What became of one discovered file. Every file ends in exactly one of these. */
export interface FileOutcome {
  /** Absolute path. */
  readonly path: string;
  readonly status: FileStatus;
  /** Why skipped or failed (required then), or a note for scanned files (e.g. "parameters for main.json"). */
  readonly reason?: string;
  readonly language?: SourceLanguage;
  /** Number of resources the file contributed (scanned files). */
  readonly resources?: number;
}

/** A file found by discovery, with enough of its head to let loaders claim it cheaply. */
export interface CandidateFile {
  /** Absolute path. */
  readonly path: string;
  readonly size: number;
  /** The first few KiB as UTF-8 text. */
  readonly head: string;
}

export interface LoadContext {
  /** Absolute scan root(s): files outside them are never read (linked templates, modules). */
  readonly roots: readonly string[];
  readonly limits: Limits;
  /** Parameter / variable files given explicitly (`--parameters`, `--var-file`), absolute. */
  readonly parameterFiles: readonly string[];
  /**
   * Read a file through the guard: refuses paths outside the roots, files over the size cap,
   * binary and non-UTF-8 content. Returns the text or a reason.
   */
  readFile(path: string): ReadResult;
}

export type ReadResult =
  | { readonly ok: true; readonly text: string }
  /** `skipped` for binary or non-UTF-8 content, `failed` for everything else (missing, too large, outside the root). */
  | { readonly ok: false; readonly reason: string; readonly status: 'skipped' | 'failed' };

export interface LoadResult {
  readonly resources: Resource[];
  /** One outcome per file the loader was given (and per extra file it read, e.g. modules). */
  readonly outcomes: FileOutcome[];
  readonly diagnostics: Diagnostic[];
}

/**
 * A loader turns source files of one language into resources. It claims files first (by name and
 * head), then loads all its claimed files at once: some languages need the whole set (Terraform
 * modules are folders; a Bicep file used as a module is not also scanned on its own).
 */
export interface Loader {
  readonly language: SourceLanguage | 'arm-parameters';
  /** 'yes' to take the file, 'no' to leave it to other loaders. */
  claims(file: CandidateFile): boolean;
  load(files: readonly CandidateFile[], ctx: LoadContext): LoadResult | Promise<LoadResult>;
}
