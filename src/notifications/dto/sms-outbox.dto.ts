import { ApiProperty } from '@nestjs/swagger';

export class SmsOutboxItemDto {
  @ApiProperty({
    description: 'the platform id of the message (notification row or sign-in code), the out-id',
  })
  outId: string;
  @ApiProperty() messageId: string;
  @ApiProperty({ description: 'the number in full: the outbox exists to let a tester sign a worker in' })
  phone: string;
  @ApiProperty({ example: 'OTP_SIGN_IN' }) template: string;
  @ApiProperty({ example: '您的登录验证码为123456，5分钟内有效。工作人员不会向您索取验证码，请勿告知他人。' })
  text: string;
  @ApiProperty() sentAt: string;
}

export class SmsOutboxDto {
  @ApiProperty({ type: [SmsOutboxItemDto], description: 'the last 200 messages, newest first' })
  items: SmsOutboxItemDto[];
}
