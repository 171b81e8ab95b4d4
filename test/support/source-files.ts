import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A TypeScript source file that is not a spec. */
export const isSource = (path: string): boolean => path.endsWith('.ts') && !path.endsWith('.spec.ts');

/** Every file (not folder) under `dir`, recursively, as paths from `dir`, that `keep` accepts: by default the non-spec `.ts` files. */
export function filesUnder(dir: string, keep: (path: string) => boolean = isSource): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter(keep);
}
