import { armLoader, type Loader } from '@ztkit/core';

/** Every loader the engine knows, in claim order. */
export function defaultLoaders(): Loader[] {
  return [armLoader];
}
