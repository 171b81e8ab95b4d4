import type { SmsConfig } from '../../config/sms-config';
import { LoggingSmsSender, type SmsSender } from '../sms-sender';
import { AliyunSmsSender } from './aliyun-sms-sender';
import { TencentSmsSender } from './tencent-sms-sender';

/** The SMS gateway SMS_PROVIDER names (its variables were validated at start-up: config/sms-config.ts). */
export function createSmsSender(config: SmsConfig): SmsSender {
  switch (config.provider) {
    case 'log':
      return new LoggingSmsSender();
    case 'aliyun':
      return new AliyunSmsSender(config);
    case 'tencent':
      return new TencentSmsSender(config);
  }
}
