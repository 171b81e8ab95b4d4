import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { completeContract } from './openapi-contract';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('劳动维权智慧服务平台 API')
    .setDescription(
      [
        '劳动维权智慧服务平台：投诉受理、匿名举报、调解、仲裁、劳动保障监察、守法档案、结案率与风险预警。',
        'Labor-rights smart service platform: complaint intake, reports, mediation, arbitration, inspection.',
        '',
        '- 错误 / Errors: 统一为 `{statusCode, code, message, details?}`（schema `ErrorBody`）；`code` 稳定，`message` 默认中文，' +
          '请求头 `Accept-Language: en` 时为英文；全部错误码见 docs/errors.md。',
        '- 日期 / Dates: 法定日期为 Asia/Shanghai 日历日期 `YYYY-MM-DD`（`format: date`）；时间戳为 UTC 的 ISO 8601' +
          '（`format: date-time`）。Legal dates are Asia/Shanghai calendar dates; timestamps are UTC.',
        '- 金额 / Money: 整数，单位分（fen）。Money is integer fen.',
        '- 列表 / Lists: 游标分页（`cursor`、`limit` ≤ 100、`nextCursor`）。',
      ].join('\n'),
    )
    .setVersion('1')
    .addServer('http://localhost:3000', '本地默认（npm start） / the embedded default')
    .addBearerAuth()
    .build();
  return completeContract(SwaggerModule.createDocument(app, config));
}

/** OpenAPI UI at /api/docs and JSON at /api/docs-json; the committed openapi.json is checked against it. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
    raw: ['json'],
  });
}
