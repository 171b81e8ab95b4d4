import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { maskPhone } from '../common/pii';

/**
 * The SMS gateway (outside the platform). Production plugs in a carrier/cloud SMS implementation; the
 * default logs that a message was sent, with the number masked and without the text (it may hold a code).
 */
export interface SmsSender {
  send(phone: string, template: string, params: Record<string, string>): Promise<{ messageId: string }>;
}

export const SMS_SENDER = Symbol('SMS_SENDER');

@Injectable()
export class LoggingSmsSender implements SmsSender {
  private readonly logger = new Logger('Sms');

  send(phone: string, template: string): Promise<{ messageId: string }> {
    const messageId = randomUUID();
    this.logger.log({ to: maskPhone(phone), template, messageId }, 'sms sent (logging sender)');
    return Promise.resolve({ messageId });
  }
}
