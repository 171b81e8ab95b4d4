import { HttpException } from '@nestjs/common';
import {
  busboyExceptions,
  multerExceptions,
} from '@nestjs/platform-fastify/multipart/multipart/multipart.constants.js';
import { AppException } from '../common/errors/app-exception';
import { constraintFieldError } from '../common/http/validation-messages';
import { MAX_ATTACHMENT_BYTES, MAX_DESCRIPTION_LENGTH, UPLOAD_LIMITS } from './evidence.rules';

/** The text fields of the upload form and their longest value in characters (UploadAttachmentDto's @MaxLength). */
const TEXT_FIELDS: Readonly<Record<string, number>> = { description: MAX_DESCRIPTION_LENGTH };
/** The form field that carries the file. */
export const FILE_FIELD = 'file';

type MulterCode = keyof typeof multerExceptions;
/** The parser's count and name limits, by the multer code it reports them with. */
const LIMIT_OF: Partial<Record<MulterCode, keyof typeof UPLOAD_LIMITS>> = {
  LIMIT_FIELD_COUNT: 'fields',
  LIMIT_FILE_COUNT: 'files',
  LIMIT_PART_COUNT: 'parts',
  LIMIT_FIELD_KEY: 'fieldNameSize',
};
/** Codes that name a field the form does not have (or cannot have: a name that would pollute a prototype). */
const NOT_A_FORM_FIELD: readonly MulterCode[] = [
  'LIMIT_UNEXPECTED_FILE',
  'LIMIT_FIELD_NESTING',
  'LIMIT_FIELD_ARRAY_INDEX',
  'INVALID_FIELD_NAME',
];

export function fileTooLarge(): AppException {
  return new AppException(413, 'FILE_TOO_LARGE', 'An attachment may be at most 10 MB', {
    maxBytes: MAX_ATTACHMENT_BYTES,
  });
}

/**
 * The multer code and field of a parser error. @nestjs/platform-fastify's multipart interceptors turn them into a bare
 * Bad Request / Payload Too Large whose message is multer's (`Field value too long - description`): the only place
 * the code survives.
 */
function multerCodeOf(message: string): { code: MulterCode; field?: string } | undefined {
  for (const [code, text] of Object.entries(multerExceptions) as [MulterCode, string][]) {
    if (message === text) return { code };
    if (message.startsWith(`${text} - `)) return { code, field: message.slice(text.length + 3) };
  }
  return undefined;
}

/** The validation pipe's answer for a field the DTO does not declare (whitelist + forbidNonWhitelisted). */
const notAllowed = (field: string) =>
  AppException.validation([constraintFieldError(field, 'whitelistValidation')]);

/**
 * What the client is told for an error of the multipart parser (before the route handler runs): the answer the
 * validation pipe gives for the same field where one is at fault (a value over `fieldSize` is the field's maxLength
 * error, as a value just over its DTO limit; a field or file the form does not have is not an allowed field), else a
 * stable code: FILE_TOO_LARGE, MULTIPART_LIMIT_EXCEEDED naming the limit, UPLOAD_INCOMPLETE, MALFORMED_MULTIPART.
 * Anything else is returned unchanged.
 */
export function uploadError(err: unknown): unknown {
  if (!(err instanceof HttpException)) return err;
  const message = err.message;
  const multer = multerCodeOf(message);
  if (multer?.code === 'LIMIT_FILE_SIZE') return fileTooLarge();
  if (multer && (multer.code === 'LIMIT_FIELD_VALUE' || multer.code === 'LIMIT_JSON_FIELDS_SIZE')) {
    const field = multer.field ?? 'body';
    const max = Object.hasOwn(TEXT_FIELDS, field) ? TEXT_FIELDS[field] : undefined;
    return max === undefined
      ? notAllowed(field)
      : AppException.validation([constraintFieldError(field, 'maxLength', [max])]);
  }
  if (multer && NOT_A_FORM_FIELD.includes(multer.code) && multer.field) return notAllowed(multer.field);
  const limit = multer && LIMIT_OF[multer.code];
  if (limit)
    return AppException.badRequest('MULTIPART_LIMIT_EXCEEDED', message, { limit, max: UPLOAD_LIMITS[limit] });
  if (
    message === busboyExceptions.MULTIPART_UNEXPECTED_END_OF_FORM ||
    message === busboyExceptions.MULTIPART_UNEXPECTED_END_OF_FILE
  )
    return AppException.badRequest('UPLOAD_INCOMPLETE', message);
  if (err.getStatus() === 400) return AppException.badRequest('MALFORMED_MULTIPART', message);
  return err;
}
