import { ApiProperty } from '@nestjs/swagger';
import { NAME_CONFIRMED } from '../../reference/dto/employer-contact.dto';

/** The employer a proceeding's case is about (the respondent), as the view of its complaint names it. */
export class CaseEmployerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    description:
      'The register’s name when confirmed; until then the name as the case’s complaint states it (as the complaint’s view)',
  })
  name: string;
  @ApiProperty({ description: NAME_CONFIRMED }) nameConfirmed: boolean;
}

/** The complainant of a case's complaint, as a search hit shows one: never the ID number. */
export class CaseComplainantDto {
  @ApiProperty({ type: String, nullable: true, description: 'Masked unless the caller handles cases' })
  name: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Masked unless the caller handles cases' })
  phone: string | null;
}
