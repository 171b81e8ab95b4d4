import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The dashboard's sign-in answer: the access token only; the refresh token travels in the HttpOnly cookie. */
export class DashboardSessionDto {
  @ApiProperty() accessToken: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ description: 'Access token lifetime in seconds' }) expiresIn: number;
  @ApiPropertyOptional({ description: 'true: a temporary password; only POST /auth/password is allowed' })
  passwordChangeRequired?: boolean;
}
