import { getMetadataStorage, type MetadataStorage } from 'class-validator';

type Lookup = MetadataStorage['getTargetValidationMetadatas'];
type ValidationMetadata = ReturnType<Lookup>[number];
type Target = Parameters<Lookup>[0];
type Kept = Map<string, readonly ValidationMetadata[]>;
type Grouped = ReturnType<MetadataStorage['groupByPropertyName']>;

const INSTALLED = Symbol('validationMetadataMemo');

/**
 * class-validator finds a class's rules by testing every decorated class of the application with `instanceof` on
 * each `validate()` (typestack/class-validator#2686, open): with this platform's few hundred DTOs that scan was
 * 2.6 % of the API's CPU on a list page (issue 17). The rules are registered when the classes load, so the answer
 * for a class and a set of options is kept, and everything kept is forgotten whenever a rule is registered after
 * all (a class loaded late, a schema added). The kept arrays and their groupings are frozen: a caller that tried to
 * change them would throw rather than alter another request's rules. Idempotent; the storage is class-validator's
 * global one unless one is given.
 */
export function memoizeValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  const patched = storage as MetadataStorage & { [INSTALLED]?: true };
  if (patched[INSTALLED]) return;
  patched[INSTALLED] = true;

  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const register = storage.addValidationMetadata.bind(storage);
  let kept = new WeakMap<Target, Kept>();
  let grouped = new WeakMap<readonly ValidationMetadata[], Grouped>();

  storage.addValidationMetadata = (metadata: ValidationMetadata): void => {
    register(metadata);
    kept = new WeakMap();
    grouped = new WeakMap();
  };

  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    // A schema name or a constructor-less object: as class-validator does, unkept.
    if (typeof target !== 'function') return lookup(target, schema, always, strictGroups, groups);
    const key = `${String(schema)}\u0000${always}\u0000${strictGroups}\u0000${(groups ?? []).join('\u0001')}`;
    let byOptions = kept.get(target);
    if (!byOptions) kept.set(target, (byOptions = new Map() as Kept));
    let rules = byOptions.get(key);
    if (!rules)
      byOptions.set(key, (rules = Object.freeze(lookup(target, schema, always, strictGroups, groups))));
    return rules as ValidationMetadata[];
  };

  storage.groupByPropertyName = (metadata) => {
    const known = grouped.get(metadata);
    if (known) return known;
    const byProperty = group(metadata);
    if (!Object.isFrozen(metadata)) return byProperty; // not one of the kept arrays: nothing to key it by
    for (const list of Object.values(byProperty)) Object.freeze(list);
    grouped.set(metadata, Object.freeze(byProperty));
    return byProperty;
  };
}
