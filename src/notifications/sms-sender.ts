import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { maskPhone } from '../common/pii';
import { SmsOutboxRing, type SmsOutboxEntry } from './sms-outbox-ring';
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
 * The provider refused this message for good (e.g. an invalid or blacklisted number): retrying cannot help, so
 * the delivery is recorded FAILED instead of being retried. SmsInDoubtError: the provider may have it. Any other
 * error from `send` is taken as transient (certainly not sent: retried).
 */
export class PermanentSmsError extends Error {
  constructor(
    readonly providerCode: string,
    message: string,
  ) {
    super(message);
    this.name = 'PermanentSmsError';
  }
}

/**
 * The request may have reached the provider (a read timeout, a connection reset or dropped after it was written), and
 * SendSms is not idempotent: the delivery is left SENDING, so the retry resolves it as a delivery in doubt — looked
 * up where the sender can, else UNCONFIRMED for an admin — and never sends it blindly again. Only an error before any
 * connection was made (refused, unknown host) is retried freely.
 */
export class SmsInDoubtError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SmsInDoubtError';
  }
}

/**
 * The SMS gateway (outside the platform): a cloud SMS provider in production (sms-providers/), a logging
 * sender for development, a recorder in tests.
 */
export interface SmsSender {
  /**
   * Sends, or throws (PermanentSmsError when a retry cannot help, SmsInDoubtError when the provider may have taken
   * it); resolves with the provider's message id.
   */
  send(message: SmsMessage): Promise<{ messageId: string }>;
  /**
   * Optional: whether the provider accepted a message with this out-id (its message id) or certainly has none
   * (null). A sender that cannot tell does not implement it; then a delivery left in doubt by a failure after the
   * provider call is marked UNCONFIRMED for an admin instead of being sent again (notifications.service.ts).
   */
  lookup?(outId: string): Promise<{ messageId: string } | null>;
}

export const SMS_SENDER = Symbol('SMS_SENDER');

/**
 * Development sender (SMS_PROVIDER=log): sends nothing, logs that it would have (masked number, no text), and
 * keeps the full text of the last 200 messages for GET /api/v1/admin/sms-outbox, so a tester can read a sign-in
 * code. It knows what it "sent", so it can answer `lookup` for those.
 */
@Injectable()
export class LoggingSmsSender implements SmsSender {
  private readonly logger = new Logger('Sms');
  readonly outbox = new SmsOutboxRing(200);

  send(m: SmsMessage): Promise<{ messageId: string }> {
    const messageId = randomUUID();
    this.outbox.push({
      outId: m.outId,
      messageId,
      phone: m.phone,
      template: m.template,
      text: m.rendered.text,
      sentAt: new Date().toISOString(),
    });
    this.logger.log(
      { to: maskPhone(m.phone), template: m.template, outId: m.outId, messageId },
      'sms sent (logging sender)',
    );
    return Promise.resolve({ messageId });
  }

  lookup(outId: string): Promise<{ messageId: string } | null> {
    const e = this.outbox.find(outId);
    return Promise.resolve(e ? { messageId: e.messageId } : null);
  }

  /** The kept messages, newest first. */
  recent(): SmsOutboxEntry[] {
    return this.outbox.newestFirst();
  }
}
