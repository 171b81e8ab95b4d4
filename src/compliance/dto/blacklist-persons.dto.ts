import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { NAME_CONFIRMED } from '../../reference/dto/employer-contact.dto';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsChineseIdNumber } from '../../common/validation/decorators';
import { BLACKLIST_STATUSES } from '../blacklist.state';
import { PERSON_RULES, RESPONSIBLE_ROLES } from '../blacklist-persons.rules';
import { trim } from '../../common/validation/transforms';

export const STATEMENT_LATE =
  'The statement was received after the last day of the statement period (statementDueOn): recorded, but not a statement made in time — a listing neither waits for it nor must follow it';

const idNumberInput = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.replace(/\s/g, '').toUpperCase() : value;

/** A person listed with the employer (当事人, 人社部令第45号 第五条). */
export class ResponsiblePersonDto {
  @ApiProperty({
    enum: RESPONSIBLE_ROLES,
    description:
      '法定代表人 / 主要负责人 / 直接负责的主管人员 / 其他直接责任人员 (人社部令第45号 第五条); at least one LEGAL_REPRESENTATIVE or PRINCIPAL',
  })
  @IsIn(RESPONSIBLE_ROLES)
  role: string;

  @ApiProperty({ example: '张三', description: 'Name as on the resident ID card' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  name: string;

  @ApiProperty({
    example: '11010519491231002X',
    description: '18-digit resident ID number (GB 11643 check digit); stored encrypted',
  })
  @Transform(idNumberInput)
  @IsString()
  @IsChineseIdNumber()
  idNumber: string;
}

/** The `responsiblePersons` of a notice or a listing: 1..MAX_PERSONS persons, each validated as above. */
export const ResponsiblePersons = (description: string) =>
  applyDecorators(
    ApiProperty({
      type: [ResponsiblePersonDto],
      minItems: 1,
      maxItems: PERSON_RULES.MAX_PERSONS,
      description,
    }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(PERSON_RULES.MAX_PERSONS),
    IsObject({ each: true }),
    ValidateNested({ each: true }),
    Type(() => ResponsiblePersonDto),
  );

/** A listed person as staff see it: the ID number in full for SUPERVISOR (the decider), masked for other roles. */
export class BlacklistPersonViewDto {
  @ApiProperty({ enum: RESPONSIBLE_ROLES }) role: string;
  @ApiProperty() name: string;
  @ApiProperty({
    description: 'In full for SUPERVISOR (the read is logged); masked (110***********002X) otherwise',
  })
  idNumber: string;
}

/** A person a listing notice is served on: the ID number masked (110***********002X), and their statement day. */
export class NoticePersonViewDto {
  @ApiProperty({ enum: RESPONSIBLE_ROLES }) role: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '110***********002X', description: 'Masked for every role' })
  idNumber: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description: 'The day their statement (陈述申辩) was received',
  })
  statementOn: string | null;
  @ApiProperty({ description: STATEMENT_LATE })
  statementLate: boolean;
}

/** A listed person on the public list: name and the ID number's last 4 characters. */
export class PublicBlacklistPersonDto {
  @ApiProperty({ enum: RESPONSIBLE_ROLES }) role: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '**************002X', description: 'All but the last 4 characters hidden' })
  idNumber: string;
}

/** Is this person listed? The ID number travels in the body, never in a URL. */
export class PersonLookupDto {
  @ApiProperty({ example: '11010519491231002X', description: '18-digit resident ID number' })
  @Transform(idNumberInput)
  @IsString()
  @IsChineseIdNumber()
  idNumber: string;
}

export class PersonListingDto {
  @ApiProperty({ format: 'uuid' }) listingId: string;
  @ApiProperty({ format: 'uuid' }) employerId: string;
  @ApiProperty() employerName: string;
  @ApiProperty({ description: NAME_CONFIRMED }) employerNameConfirmed: boolean;
  @ApiProperty() jurisdictionCode: string;
  @ApiProperty({ enum: BLACKLIST_STATUSES }) status: string;
  @ApiProperty({ description: 'LISTED and before expires_on' }) inForce: boolean;
  @ApiProperty() listedOn: string;
  @ApiProperty() expiresOn: string;
  @ApiProperty({ enum: RESPONSIBLE_ROLES }) role: string;
  @ApiProperty() name: string;
}

export class PersonLookupResultDto {
  @ApiProperty({ description: 'Listed and in force today in any listing of the caller’s jurisdiction' })
  listed: boolean;
  @ApiProperty({
    type: [PersonListingDto],
    description: 'Every listing of the person in the caller’s jurisdiction',
  })
  listings: PersonListingDto[];
}
