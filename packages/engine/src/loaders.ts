import { bicepLoader } from '@ztkit/bicep';
import { armLoader, type Loader } from '@ztkit/core';
import { terraformLoader } from '@ztkit/terraform';

/** Every loader the engine knows, in claim order. */
export function defaultLoaders(): Loader[] {
  return [armLoader, bicepLoader, terraformLoader];
}
