import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('劳动维权智慧服务平台 API')
    .setDescription(
      'Labor-rights smart service platform: complaint intake, reports, mediation, arbitration, inspection. ' +
        'Every error is {statusCode, code, message, details?}. Money is integer fen; legal dates are Asia/Shanghai calendar dates.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** OpenAPI UI at /api/docs and JSON at /api/docs-json; the committed openapi.json is checked against it. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    raw: ['json'],
  });
}
