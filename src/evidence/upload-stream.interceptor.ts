import { Injectable, type CallHandler, type ExecutionContext } from '@nestjs/common';
import { FileStreamInterceptor } from '@nestjs/platform-fastify/multipart';
import type { Observable } from 'rxjs';
import { UPLOAD_LIMITS } from './evidence.rules';
import { FILE_FIELD, uploadError } from './upload-errors';

/**
 * @fastify/multipart under UPLOAD_LIMITS, streaming the file in `file` to the handler (text fields before it), with
 * the parser's errors answered as `uploadError` says. Only errors of the parsing: the handler's own pass unchanged.
 */
@Injectable()
export class UploadStreamInterceptor extends FileStreamInterceptor(FILE_FIELD, {
  limits: UPLOAD_LIMITS,
  defParamCharset: 'utf8',
}) {
  override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await (super.intercept(context, next) as Promise<Observable<unknown>>);
    } catch (err) {
      throw uploadError(err);
    }
  }
}
