import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { filesUnder } from './source-files';

/** One class-validator rule as its metadata storage keeps it. */
export interface ValidationMeta {
  type: string;
  target: object;
  propertyName: string;
  each?: boolean;
  name?: string;
  constraintCls?: object;
}

/**
 * Every DTO under src/, loaded so that class-validator's metadata holds all of them: the DTO files, the rules by
 * class, and the name of a rule (a custom validator's by its constraint class, as `minLength`).
 */
export function loadDtoValidation(): {
  files: string[];
  byClass: Map<object, ValidationMeta[]>;
  ruleName: (m: ValidationMeta) => string | undefined;
} {
  const files = filesUnder(join(__dirname, '../../src'), (p) => p.endsWith('.dto.ts'));
  for (const f of files) jest.requireActual(f);
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<object, ValidationMeta[]> };
  const ruleName = (m: ValidationMeta) =>
    m.constraintCls
      ? (getMetadataStorage().getTargetValidatorConstraints(m.constraintCls as never)[0]?.name ?? m.name)
      : m.name;
  return { files, byClass: storage.validationMetadatas, ruleName };
}
