/* eslint-disable @typescript-eslint/no-require-imports */
import type { SmsConfig } from '../../config/sms-config';
import { LoggingSmsSender, type SmsSender } from '../sms-sender';

/**
 * The SMS gateway SMS_PROVIDER names (its variables were validated at start-up: config/sms-config.ts). A provider's
 * sender, and the SDK it brings, is loaded only when that provider is chosen: a process keeps every loaded module's
 * code in its heap for good (issue 17, memory), and the Aliyun SDK alone is some 300 files.
 */
export function createSmsSender(config: SmsConfig): SmsSender {
  switch (config.provider) {
    case 'log':
      return new LoggingSmsSender();
    case 'aliyun': {
      const { AliyunSmsSender } = require('./aliyun-sms-sender') as typeof import('./aliyun-sms-sender');
      return new AliyunSmsSender(config);
    }
    case 'tencent': {
      const { TencentSmsSender } = require('./tencent-sms-sender') as typeof import('./tencent-sms-sender');
      return new TencentSmsSender(config);
    }
  }
}
