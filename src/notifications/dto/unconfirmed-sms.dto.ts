import { ApiProperty } from '@nestjs/swagger';

/** An SMS whose delivery is in doubt (the provider may or may not have it): never resent by the platform. */
export class UnconfirmedSmsDto {
  @ApiProperty({ description: 'the notification row id, which the provider got as out-id' }) id: string;
  @ApiProperty({ example: 'COMPLAINT_RECEIVED' }) template: string;
  @ApiProperty({ example: 'complaint:0190c0de-0000-7000-8000-000000000042' }) subjectRef: string;
  @ApiProperty({ description: 'attempts handed to the provider' }) attempts: number;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty() createdAt: string;
}

export class UnconfirmedSmsPageDto {
  @ApiProperty({ type: [UnconfirmedSmsDto] }) items: UnconfirmedSmsDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
