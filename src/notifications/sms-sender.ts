import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { maskPhone } from '../common/pii';
import { renderTemplate, type RenderedMessage, type SmsTemplateId } from './templates';

/** One SMS as the platform hands it to the gateway. */
export interface SmsMessage {
  /**
   * The platform's id of this message (the `notifications` row id, or the sign-in code's id): the provider's
   * out-id, so its delivery reports can be matched to the row.
   */
  outId: string;
  phone: string;
  template: SmsTemplateId;
  /** the variables as the platform gave them */
  values: Readonly<Record<string, string>>;
  /** the full text and the variables as written into it (templates.ts) */
  rendered: RenderedMessage;
}

/** The message of a template with its variables (renderTemplate throws if one is missing). */
export function smsMessage(
  outId: string,
  phone: string,
  template: SmsTemplateId,
  values: Readonly<Record<string, string>>,
): SmsMessage {
  return { outId, phone, template, values, rendered: renderTemplate(template, values) };
}

/**
 * The SMS gateway (outside the platform): a cloud SMS provider in production (sms-providers/), a logging
 * sender for development, a recorder in tests.
 */
export interface SmsSender {
  send(message: SmsMessage): Promise<{ messageId: string }>;
}

export const SMS_SENDER = Symbol('SMS_SENDER');

@Injectable()
export class LoggingSmsSender implements SmsSender {
  private readonly logger = new Logger('Sms');

  send(m: SmsMessage): Promise<{ messageId: string }> {
    const messageId = randomUUID();
    this.logger.log(
      { to: maskPhone(m.phone), template: m.template, outId: m.outId, messageId },
      'sms sent (logging sender)',
    );
    return Promise.resolve({ messageId });
  }
}
