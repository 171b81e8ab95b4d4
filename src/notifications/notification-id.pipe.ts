import { ParseUUIDPipe } from '@nestjs/common';
import { AppException } from '../common/errors/app-exception';

/**
 * A malformed id names no notification: 404, as every other path id of the API (a well-formed one that is not the
 * caller's is 404 too, from the service).
 */
export function notificationId(): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => AppException.notFound('NOTIFICATION_NOT_FOUND'),
  });
}
