import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { AppException, fieldError, type FieldError } from '../errors/app-exception';
import { UUID_PATTERN } from '../ids';
import { isUtcDateTime } from '../validation/date-time';
import { IntFromQuery } from '../validation/decorators';

export const MAX_PAGE_SIZE = 100;

export class CursorQuery {
  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page (nextCursor)' })
  @IsOptional()
  @IsString()
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @IntFromQuery()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Keyset cursor over (created_at, id): the last row of the page (descending, or ascending for a thread). */
export interface KeysetCursor {
  createdAt: string;
  id: string;
}

export function encodeCursor(c: KeysetCursor): string {
  return Buffer.from(JSON.stringify([c.createdAt, c.id])).toString('base64url');
}

/** The field error of a `cursor` the API did not issue. */
export function badCursor(): FieldError {
  return fieldError(
    'cursor',
    'isCursor',
    'cursor 不是本接口返回的分页游标',
    'cursor is not a cursor this API issued',
  );
}

export function decodeCursor(cursor: string | undefined): KeysetCursor | undefined {
  if (!cursor) return undefined;
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    // Every cursor names a row by its uuid and a UTC timestamp as this API writes them; anything else would reach
    // SQL as a failed cast (a 500): Date.parse takes '1' or 'Jan 1', PostgreSQL does not.
    if (typeof id !== 'string' || !UUID_PATTERN.test(id) || !isUtcDateTime(createdAt)) throw new Error();
    return { createdAt, id };
  } catch {
    throw AppException.validation([badCursor()]);
  }
}
