import type { ErrorTable } from './catalogue';

/**
 * Codes of the framework and of rules every module shares: request shape, authentication, routes, limits,
 * availability, idempotency, versioned transitions. Statuses are the ones the code is answered with.
 */
export const COMMON_ERRORS = {
  VALIDATION_FAILED: {
    status: 400,
    zh: '请求中有字段不符合要求，详见 details',
    en: 'The request has invalid fields (see details)',
  },
  BAD_REQUEST: { status: 400, zh: '请求无效', en: 'The request is not valid' },
  MALFORMED_JSON: { status: 400, zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  BODY_TOO_DEEP: {
    status: 400,
    zh: '请求体中对象或数组的嵌套层级过深',
    en: 'The request nests objects or arrays too deeply',
  },
  BAD_URL: { status: 400, zh: '请求地址（URL）无效', en: 'The URL is not valid' },
  UNAUTHENTICATED: {
    status: 401,
    zh: '请先登录（需要有效的访问令牌）',
    en: 'A valid access token is required',
  },
  FORBIDDEN: { status: 403, zh: '无权执行此操作', en: 'You may not do this' },
  NOT_FOUND: { status: 404, zh: '请求的资源或路径不存在', en: 'No such resource or route' },
  METHOD_NOT_ALLOWED: {
    status: 405,
    zh: '该路径不支持此请求方法',
    en: 'The route does not allow this method',
  },
  NOT_ACCEPTABLE: {
    status: 406,
    zh: '无法以请求的格式返回结果',
    en: 'The response cannot be given in the requested format',
  },
  REQUEST_TIMEOUT: { status: 408, zh: '请求传输超时', en: 'The request took too long to arrive' },
  CONFLICT: { status: 409, zh: '请求与当前状态冲突', en: 'The request conflicts with the current state' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '请求体过大', en: 'The request body is too large' },
  URI_TOO_LONG: { status: 414, zh: '请求地址（URL）过长', en: 'The URL is too long' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    zh: '不支持的请求体类型（Content-Type）',
    en: 'The request body has an unsupported media type',
  },
  UNPROCESSABLE: { status: 422, zh: '请求无法处理', en: 'The request cannot be processed' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  HEADERS_TOO_LARGE: { status: 431, zh: '请求头过大', en: 'The request headers are too large' },
  HTTP_ERROR: { status: 400, zh: '请求失败', en: 'The request failed' },
  INTERNAL_ERROR: { status: 500, zh: '服务器内部错误', en: 'An unexpected error occurred' },
  SERVICE_UNAVAILABLE: {
    status: 503,
    zh: '服务暂时不可用，请稍后重试',
    en: 'The service is temporarily unavailable; try again shortly',
  },
  NOT_READY: { status: 503, zh: '依赖的服务暂不可用', en: 'A dependency is unavailable' },
  SHUTTING_DOWN: { status: 503, zh: '本进程正在停止', en: 'This process is shutting down' },
  IDEMPOTENCY_KEY_IN_USE: {
    status: 409,
    zh: '使用该 Idempotency-Key 的请求仍在处理中',
    en: 'A request with this Idempotency-Key is still being processed',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    zh: '该 Idempotency-Key 已用于另一个不同的请求体',
    en: 'This Idempotency-Key was used with a different request body',
  },
  ILLEGAL_TRANSITION: {
    status: 409,
    zh: '当前状态不允许此操作',
    en: 'The current status does not allow this action',
  },
  STALE_VERSION: {
    status: 409,
    zh: '记录在读取后已被修改，请刷新后重试',
    en: 'The record changed since it was read; reload and try again',
  },
} as const satisfies ErrorTable;
