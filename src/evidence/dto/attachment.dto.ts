import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { ATTACHMENT_CONTENT_TYPES } from '../file-type';
import { MAX_DESCRIPTION_LENGTH } from '../evidence.rules';

const trimToNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() || undefined : value;

/** The text fields of an upload form (the file itself is the `file` part). */
export class UploadAttachmentDto {
  @ApiPropertyOptional({ maxLength: MAX_DESCRIPTION_LENGTH, example: '2026年9月工资条' })
  @Transform(trimToNull)
  @IsOptional()
  @IsString()
  @MaxLength(MAX_DESCRIPTION_LENGTH)
  description?: string;
}

export class UploaderViewDto {
  @ApiProperty({ enum: ['WORKER', 'MEDIATOR', 'ARBITRATOR', 'INSPECTOR', 'SUPERVISOR', 'ADMIN'] })
  role: string;
}

export class AttachmentViewDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: "The uploader's file name, for display only", maxLength: 200 })
  filename: string;
  @ApiProperty({
    enum: ATTACHMENT_CONTENT_TYPES,
    description: 'Detected from the content, not the file name',
  })
  contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'Hex SHA-256 of the bytes as received', pattern: '^[0-9a-f]{64}$' })
  sha256: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ type: UploaderViewDto }) uploadedBy: UploaderViewDto;
  @ApiProperty() createdAt: string;
}
