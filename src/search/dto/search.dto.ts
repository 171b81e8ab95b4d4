import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { NAME_CONFIRMED } from '../../reference/dto/employer-contact.dto';
import { CursorQuery } from '../../common/http/pagination';
import { SEARCH_QUERY_MAX, SEARCH_QUERY_PATTERN } from '../search.rules';

export const SEARCH_KINDS = ['COMPLAINT', 'MEDIATION', 'ARBITRATION', 'INSPECTION'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export class SearchQueryDto extends CursorQuery {
  @ApiProperty({
    description:
      'A tracking number, a case number (仲 / 调字 / inspection), a USCC, a complainant mobile number (exact), or part of an employer name',
    minLength: 1,
    maxLength: SEARCH_QUERY_MAX,
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(SEARCH_QUERY_MAX)
  @Matches(SEARCH_QUERY_PATTERN, { message: 'q needs at least 2 characters (or one Chinese character)' })
  q: string;

  @ApiPropertyOptional({ enum: SEARCH_KINDS, description: 'Only cases of this kind' })
  @IsOptional()
  @IsIn(SEARCH_KINDS)
  kind?: SearchKind;
}

export class SearchStreetDto {
  @ApiProperty() code: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
}

export class SearchComplainantDto {
  @ApiProperty({ type: String, nullable: true, description: 'Masked unless the caller handles cases' })
  name: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Masked unless the caller handles cases' })
  phone: string | null;
}

export class SearchHitDto {
  @ApiProperty({ enum: SEARCH_KINDS }) kind: SearchKind;
  @ApiProperty() id: string;
  @ApiProperty({ type: String, nullable: true, description: "The complaint's tracking number" })
  trackingNo: string | null;
  @ApiProperty({ type: String, nullable: true, description: '案号 of the proceeding' }) caseNo: string | null;
  @ApiProperty() status: string;
  @ApiProperty({ type: SearchStreetDto }) street: SearchStreetDto;
  @ApiProperty({ type: String, nullable: true }) employerName: string | null;
  @ApiProperty({ type: Boolean, nullable: true, description: NAME_CONFIRMED }) employerNameConfirmed:
    boolean | null;
  @ApiProperty({ description: 'Received / opened / applied date (Asia/Shanghai)' }) filedOn: string;
  @ApiProperty({ type: SearchComplainantDto, nullable: true, description: 'Never the ID number' })
  complainant: SearchComplainantDto | null;
  @ApiProperty({ description: 'API path of the case' }) link: string;
}

export class SearchPageDto {
  @ApiProperty({ type: [SearchHitDto] }) items: SearchHitDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
