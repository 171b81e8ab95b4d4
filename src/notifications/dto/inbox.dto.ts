import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { CursorQuery } from '../../common/http/pagination';

export class InboxQueryDto extends CursorQuery {
  @ApiPropertyOptional({ type: Boolean, description: 'true: only the messages not read yet' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;
}

export class InboxItemDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['SMS', 'IN_APP'], description: 'how it reached the recipient' }) channel: string;
  @ApiProperty({ example: 'RISK_RED_UNACKNOWLEDGED' }) template: string;
  @ApiProperty({ example: 'risk-warning:0190c0de-0000-7000-8000-000000000042' }) subjectRef: string;
  @ApiProperty({
    example: '红色预警超过2小时未签收',
    description: 'the zh-CN text as sent (variables filled in)',
  })
  text: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "the API path of what the message is about (a worker's message about their complaint: their case file, /api/v1/my/cases/:id)",
    example: '/api/v1/risk/warnings/0190c0de-0000-7000-8000-000000000042',
  })
  link: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) readAt: string | null;
}

export class InboxPageDto {
  @ApiProperty({ type: [InboxItemDto] }) items: InboxItemDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ description: 'all unread messages of the caller, whatever the page and filter' })
  unreadCount: number;
}

export class MarkAllReadDto {
  @ApiProperty({ description: 'how many messages this call marked read' }) marked: number;
}
