import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  currentPassword: string;

  @ApiProperty({
    description:
      'At least 10 characters, not containing the username, not a common password, not the current one',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  newPassword: string;
}

export class LogoutDto {
  @ApiPropertyOptional({
    description: "Also revoke this refresh token's family (another device of the account)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;
}
