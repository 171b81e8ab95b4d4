import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, ValidateNested } from 'class-validator';
import { ComplainantRequestDto } from '../../complaints/dto/withdraw-complaint.dto';

export class EscalateDto {
  @ApiPropertyOptional({
    type: ComplainantRequestDto,
    description:
      'Staff only, and required of them: how the worker (for a collective dispute, its representative) asked for ' +
      'arbitration — applying is the party’s act (劳动争议调解仲裁法 第二十八条)',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ComplainantRequestDto)
  complainantRequest?: ComplainantRequestDto;
}
