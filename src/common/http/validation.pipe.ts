import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { AppException, FieldError } from '../errors/app-exception';
import { jsonDepth, MAX_BODY_DEPTH, nulCharacterErrors } from './body-guard';
import { memoizeValidationMetadata } from './validation-metadata-cache';
import { validationFieldError } from './validation-messages';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = parent ? `${parent}.${e.property}` : e.property;
    if (e.constraints) out.push(validationFieldError(field, e));
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}

/**
 * Guards that run before class-transformer sees the value: a body nested deeper than MAX_BODY_DEPTH is a 400
 * BODY_TOO_DEEP (class-transformer recurses and would overflow the stack), and U+0000 anywhere in a body, query
 * or path parameter is a field error (PostgreSQL cannot store it).
 */
class GuardedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      if (jsonDepth(value) > MAX_BODY_DEPTH)
        throw AppException.badRequest(
          'BODY_TOO_DEEP',
          `The request nests objects or arrays deeper than ${MAX_BODY_DEPTH} levels`,
        );
      const nul = nulCharacterErrors(value, metadata.data ?? '');
      if (nul.length) throw AppException.validation(nul);
    }
    return super.transform(value, metadata);
  }
}

/** whitelist + forbidNonWhitelisted: unknown fields are a 400, listed per field. */
export function createValidationPipe(): ValidationPipe {
  memoizeValidationMetadata();
  return new GuardedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // The target and value only choose and fill the message (validationFieldError); neither is sent to the client.
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => AppException.validation(flatten(errors)),
  });
}
