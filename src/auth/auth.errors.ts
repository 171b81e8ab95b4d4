import type { ErrorTable } from '../common/errors/catalogue';

/** The error codes of sign-in, tokens, passwords, roles and jurisdiction scope: HTTP status and zh-CN / English message. */
export const AUTH_ERRORS = {
  INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  INVALID_OTP: { status: 401, zh: '验证码错误、已使用或已过期', en: 'The code is wrong, used or expired' },
  INVALID_REFRESH_TOKEN: {
    status: 401,
    zh: '刷新令牌无效或已过期',
    en: 'The refresh token is invalid or expired',
  },
  REFRESH_TOKEN_REUSED: {
    status: 401,
    zh: '该刷新令牌已被使用，请重新登录',
    en: 'This refresh token was already used; sign in again',
  },
  LOGIN_THROTTLED: {
    status: 429,
    zh: '该账号登录失败次数过多，请稍后再试',
    en: 'Too many failed sign-ins for this account; try again later',
  },
  OTP_RATE_LIMITED: {
    status: 429,
    zh: '该号码请求验证码过于频繁，请稍后再试',
    en: 'Too many codes requested for this number; wait before asking again',
  },
  CURRENT_PASSWORD_WRONG: { status: 400, zh: '当前密码错误', en: 'The current password is wrong' },
  WEAK_PASSWORD: {
    status: 400,
    zh: '新密码不符合密码规则，详见 details',
    en: 'The new password does not meet the password rules (see details)',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    zh: '请先修改临时密码（POST /api/v1/auth/password）',
    en: 'Change your temporary password first (POST /api/v1/auth/password)',
  },
  ROLE_NOT_ALLOWED: { status: 403, zh: '您的角色无权执行此操作', en: 'Your role may not do this' },
  ROUTE_NOT_ALLOWED: { status: 403, zh: '此接口不对任何角色开放', en: 'This route allows no role' },
  OUTSIDE_JURISDICTION: { status: 403, zh: '超出您的管辖范围', en: 'This is outside your jurisdiction' },
} as const satisfies ErrorTable;

declare module '../common/errors/catalogue' {
  interface ErrorTables {
    auth: typeof AUTH_ERRORS;
  }
}
