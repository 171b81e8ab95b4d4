import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';
import { IsMainlandMobile } from '../../common/validation/decorators';

export class LoginDto {
  @ApiProperty({ example: 'mediator', description: "Staff username, or a worker's mobile number" })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'demo-password-1' })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  refreshToken: string;
}

export class OtpRequestDto {
  @ApiProperty({ example: '13800000000' })
  @IsString()
  @IsMainlandMobile()
  phone: string;
}

export class OtpVerifyDto {
  @ApiProperty({ example: '13800000000' })
  @IsString()
  @IsMainlandMobile()
  phone: string;

  @ApiProperty({ example: '123456' })
  @IsString()
  @Length(6, 6)
  @Matches(/^\d{6}$/, { message: 'code must be 6 digits' })
  code: string;
}

export class TokenPairDto {
  @ApiProperty() accessToken: string;
  @ApiProperty() refreshToken: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ description: 'Access token lifetime in seconds' }) expiresIn: number;
  @ApiPropertyOptional({ description: 'true: a temporary password; only POST /auth/password is allowed' })
  passwordChangeRequired?: boolean;
}

export class OtpRequestedDto {
  @ApiProperty({ description: 'Seconds until the code expires' }) expiresIn: number;
}

export class MeDto {
  @ApiProperty() userId: string;
  @ApiProperty() role: string;
  @ApiProperty({ type: [String] }) jurisdictions: string[];
  @ApiProperty({ nullable: true, type: String }) organisationId: string | null;
  @ApiPropertyOptional() passwordChangeRequired?: boolean;
}
