import type { OpenAPIObject } from '@nestjs/swagger';
import type { ErrorCode, ErrorTable } from './common/errors/catalogue';
import { ERROR_TABLES } from './error-catalogue';

/** The parts of an OpenAPI 3.0 document this module reads and writes. */
interface ReferenceObject {
  $ref: string;
}
interface SchemaObject {
  type?: string;
  format?: string;
  description?: string;
  example?: unknown;
  enum?: string[];
  required?: string[];
  items?: SchemaObject | ReferenceObject;
  properties?: Record<string, SchemaObject | ReferenceObject>;
  additionalProperties?: boolean;
  oneOf?: (SchemaObject | ReferenceObject)[];
}
interface ParameterObject {
  name: string;
  in: string;
  schema?: SchemaObject | ReferenceObject;
}
interface ResponseObject {
  description: string;
  content?: Record<string, { schema?: SchemaObject | ReferenceObject; example?: unknown }>;
}
interface OperationObject {
  tags?: string[];
  description?: string;
  'x-roles'?: string[];
  parameters?: (ParameterObject | ReferenceObject)[];
  requestBody?: { content?: Record<string, unknown> } | ReferenceObject;
  responses: Record<string, ResponseObject | ReferenceObject>;
  security?: unknown[];
}

/** What each tag groups, for the document's tag list (zh-CN / English). */
const TAGS: Record<string, string> = {
  auth: '登录、令牌与密码 / Sign-in, tokens and passwords',
  my: '劳动者本人：案件档案、消息、实名信息 / The worker’s own file, messages and identity',
  complaints: '投诉受理、分流与办理 / Complaint intake, routing and handling',
  reports: '匿名举报与进度查询 / Anonymous reports and their tracking',
  'collective disputes': '集体争议 / Collective disputes',
  evidence: '证据附件 / Evidence attachments',
  mediation: '基层调解 / Street-level mediation',
  arbitration: '劳动争议仲裁 / Labor-dispute arbitration',
  inspection: '劳动保障监察 / Labor-security inspection',
  'inspection plans': '双随机一公开检查计划 / Random inspection plans',
  compliance: '用人单位守法档案与失信名单 / Employer compliance registers and the blacklist',
  filings: '用人单位备案 / Employer filings',
  calendar: '工作日历与法定期限 / Working-day calendar and statutory deadlines',
  deadlines: '期限督办 / Statutory clocks',
  sla: '结案率指标 / Closure-rate KPIs',
  risk: '风险预警 / Early warning',
  search: '案件检索 / Case search',
  reference: '行政区划 / Jurisdictions',
  employers: '用人单位名录 / Employers register',
  notifications: '工作人员站内通知 / Staff notifications',
  public: '公开信息（无需登录） / Public information (no sign-in)',
  admin: '运维：队列、失败任务、短信、个人信息查看记录 / Operations: queues, failed jobs, SMS, PII access',
  'admin: staff': '账号与机构管理 / Staff accounts and organisations',
  health: '健康检查 / Health checks',
};

/** The error responses documented on operations, with an example code each (zh-CN message). */
const ERROR_RESPONSES: Record<number, { name: string; description: string; example: ErrorCode }> = {
  400: {
    name: 'BadRequest',
    description: '请求无效：字段校验失败（details 列出每个字段）或业务规则不满足',
    example: 'VALIDATION_FAILED',
  },
  401: { name: 'Unauthorized', description: '未登录或访问令牌无效', example: 'UNAUTHENTICATED' },
  403: {
    name: 'Forbidden',
    description: '角色无权执行此操作，或须先修改临时密码',
    example: 'ROLE_NOT_ALLOWED',
  },
  404: { name: 'NotFound', description: '资源不存在，或调用者无权查看（不返回 403）', example: 'NOT_FOUND' },
  409: {
    name: 'Conflict',
    description: '与当前状态冲突：状态不允许、记录已被修改（version）、重复操作或 Idempotency-Key 仍在处理',
    example: 'ILLEGAL_TRANSITION',
  },
  413: { name: 'PayloadTooLarge', description: '请求体或文件过大', example: 'PAYLOAD_TOO_LARGE' },
  415: { name: 'UnsupportedMediaType', description: '请求体类型不受支持', example: 'UNSUPPORTED_MEDIA_TYPE' },
  422: {
    name: 'Unprocessable',
    description: '同一 Idempotency-Key 用于不同的请求体',
    example: 'IDEMPOTENCY_KEY_REUSED',
  },
  429: {
    name: 'TooManyRequests',
    description: '请求过于频繁（响应头 Retry-After 给出等待秒数）',
    example: 'RATE_LIMITED',
  },
  503: {
    name: 'ServiceUnavailable',
    description: '服务暂不可用（如数据库不可达），可按 Retry-After 重试',
    example: 'SERVICE_UNAVAILABLE',
  },
};

const ref = (name: string): ReferenceObject => ({ $ref: `#/components/schemas/${name}` });

function catalogue(): Map<string, { zh: string }> {
  const all = new Map<string, { zh: string }>();
  for (const table of Object.values(ERROR_TABLES) as ErrorTable[])
    for (const [code, e] of Object.entries(table)) all.set(code, e);
  return all;
}

function errorSchemas(codes: string[]): Record<string, SchemaObject> {
  return {
    FieldError: {
      type: 'object',
      required: ['field', 'constraint', 'message'],
      properties: {
        field: {
          type: 'string',
          example: 'affectedWorkers',
          description: '字段路径（嵌套字段以 . 连接） / field path',
        },
        message: {
          type: 'string',
          example: 'affectedWorkers 为必填字段，不能缺少',
          description: '按 Accept-Language 本地化的说明',
        },
        constraint: {
          type: 'string',
          example: 'isDefined',
          description: '不满足的约束，供客户端识别（缺少字段为 isDefined；如 notInFuture、jurisdiction）',
        },
        constraints: {
          type: 'array',
          items: { type: 'string' },
          description: '全部不满足的约束，constraint 在前',
        },
      },
    },
    ErrorBody: {
      type: 'object',
      description: '所有错误的统一格式 / The one error body of every endpoint.',
      required: ['statusCode', 'code', 'message'],
      properties: {
        statusCode: { type: 'integer', example: 404, description: 'HTTP 状态码' },
        code: {
          type: 'string',
          enum: codes,
          example: 'NOT_FOUND',
          description: '稳定的错误码（UPPER_SNAKE），见 docs/errors.md；客户端按 code 判断，不按 message',
        },
        message: {
          type: 'string',
          example: '请求的资源或路径不存在',
          description: '面向用户的说明：默认中文（zh-CN），请求头 Accept-Language: en 时为英文',
        },
        details: {
          description:
            '补充信息：VALIDATION_FAILED 时为 FieldError 数组；其他错误可为对象（如 retryAfterSeconds、当前状态）',
          oneOf: [
            { type: 'array', items: ref('FieldError') },
            { type: 'object', additionalProperties: true },
          ],
        },
      },
    },
  };
}

const errorContent = (): ResponseObject['content'] => ({ 'application/json': { schema: ref('ErrorBody') } });

function errorResponses(messages: Map<string, { zh: string }>): Record<string, ResponseObject> {
  return Object.fromEntries(
    Object.entries(ERROR_RESPONSES).map(([status, r]) => [
      r.name,
      {
        description: r.description,
        content: {
          'application/json': {
            schema: ref('ErrorBody'),
            example: { statusCode: Number(status), code: r.example, message: messages.get(r.example)!.zh },
          },
        },
      },
    ]),
  );
}

/** The error statuses an operation can answer, from what it takes: auth, path ids, input, idempotency, uploads. */
function errorStatuses(method: string, op: OperationObject): number[] {
  const params = (op.parameters ?? []) as ParameterObject[];
  const hasPathParam = params.some((p) => p.in === 'path');
  const idempotent = params.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key');
  const multipart = Boolean(
    (op.requestBody as { content?: Record<string, unknown> } | undefined)?.content?.['multipart/form-data'],
  );
  const statuses = [429, 503];
  if (params.length || op.requestBody) statuses.push(400);
  if (op.security?.length) statuses.push(401, 403);
  if (hasPathParam) statuses.push(404);
  if ((method !== 'get' && hasPathParam) || idempotent) statuses.push(409);
  if (idempotent) statuses.push(422);
  if (multipart) statuses.push(413, 415);
  return statuses.sort();
}

/** Legal dates are `…On`, `date`, `due`, `since`, `asOf`, `from`/`to`; timestamps are `…At`. */
const DATE_NAME = /(?:[a-z]On|^(?:date|due|since|asOf|from|to|until))$/;
const TIMESTAMP_NAME = /[a-z]At$/;

/** format date / date-time on string properties by the naming convention; integer fen on money. */
function conventionFormats(name: string, schema: SchemaObject): void {
  const target = schema.type === 'array' && schema.items && !('$ref' in schema.items) ? schema.items : schema;
  if (target.type === 'string' && !target.format) {
    if (DATE_NAME.test(name)) target.format = 'date';
    else if (TIMESTAMP_NAME.test(name)) target.format = 'date-time';
  }
  if (/Fen$/.test(name) && (target.type === 'number' || target.type === 'integer')) {
    target.type = 'integer';
    if (!/分|fen/i.test(schema.description ?? ''))
      schema.description = [schema.description, '金额，整数，单位：分（fen）'].filter(Boolean).join('；');
  }
}

function walkProperties(schema: SchemaObject): void {
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    if ('$ref' in prop) continue;
    conventionFormats(name, prop);
    if (prop.type === 'object') walkProperties(prop);
    if (prop.type === 'array' && prop.items && !('$ref' in prop.items)) walkProperties(prop.items);
  }
}

/**
 * Completes what the decorators leave out, the same way for every operation: the error body schema and the error
 * responses each operation can give, the tag list, date/date-time formats and integer fen by the naming
 * convention (explicit formats in decorators win).
 */
export function completeContract(doc: OpenAPIObject): OpenAPIObject {
  const messages = catalogue();
  const components = (doc.components ?? {}) as {
    schemas?: Record<string, SchemaObject | ReferenceObject>;
    responses?: Record<string, ResponseObject>;
  };
  components.schemas = { ...components.schemas, ...errorSchemas([...messages.keys()].sort()) };
  components.responses = { ...components.responses, ...errorResponses(messages) };
  for (const schema of Object.values(components.schemas)) if (!('$ref' in schema)) walkProperties(schema);
  const used = new Set<string>();
  const paths = doc.paths as unknown as Record<string, Record<string, OperationObject>>;
  for (const path of Object.values(paths))
    for (const [method, op] of Object.entries(path)) {
      if (!op || typeof op !== 'object' || !('responses' in op)) continue;
      for (const tag of op.tags ?? []) used.add(tag);
      if (op['x-roles']?.length)
        op.description = `${op.description ?? ''}\n\n角色 / Roles: ${op['x-roles'].join(', ')}`;
      for (const p of (op.parameters ?? []) as ParameterObject[])
        if (p.schema && !('$ref' in p.schema)) conventionFormats(p.name, p.schema);
      for (const status of errorStatuses(method, op))
        op.responses[status] ??= { $ref: `#/components/responses/${ERROR_RESPONSES[status].name}` };
      // Every error leaves through the one filter: a decorator's own error schema (terminus's 503) is not what is sent.
      for (const [status, response] of Object.entries(op.responses))
        if (Number(status) >= 400 && !('$ref' in response))
          op.responses[status] = { description: response.description, content: errorContent() };
    }
  doc.components = components;
  doc.tags = [...used].sort().map((name) => ({ name, description: TAGS[name] ?? name }));
  return doc;
}
