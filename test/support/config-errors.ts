import { ConfigValidationError, validateEnvironment } from '../../src/config/config.schema';

/** Calls validateEnvironment and returns the ConfigValidationError it throws (fails the test otherwise). */
export function validationError(raw: Record<string, unknown>): ConfigValidationError {
  try {
    validateEnvironment(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigValidationError);
    return e as ConfigValidationError;
  }
  throw new Error(`expected validateEnvironment to throw for ${JSON.stringify(raw)}`);
}
