import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

export class ImportQueryDto {
  @ApiPropertyOptional({ default: true, description: 'true (default): check only; false: import' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun?: boolean;
}

export class ImportedUserDto {
  @ApiProperty() line: number;
  @ApiProperty() username: string;
  @ApiPropertyOptional({ format: 'uuid' }) id?: string;
  @ApiPropertyOptional({ description: 'Shown once (import only)' }) temporaryPassword?: string;
}

export class ImportResultDto {
  @ApiProperty() dryRun: boolean;
  @ApiProperty() valid: number;
  @ApiProperty() imported: number;
  @ApiProperty({ type: [ImportedUserDto] }) users: ImportedUserDto[];
}
