import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags, ApiOperation } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { Public } from '../auth/decorators';
import { JurisdictionsService } from './jurisdictions.service';

class JurisdictionQuery {
  @ApiPropertyOptional({ example: '310115' })
  @IsOptional()
  @Matches(/^\d{2,9}$/, { message: 'parent must be a division code' })
  parent?: string;
}

class JurisdictionDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() level: string;
  @ApiProperty({ nullable: true, type: String }) parentCode: string | null;
}

@ApiTags('reference')
@Controller('api/v1/jurisdictions')
export class ReferenceController {
  constructor(private readonly jurisdictions: JurisdictionsService) {}

  /** Public: the intake forms need the list of streets/towns. */
  @ApiOperation({
    summary: '街道（镇）列表',
    description: '行政区划：街道和镇的列表，供投诉与举报表单使用（公开，无需登录）。',
  })
  @Get()
  @Public()
  @ApiOkResponse({ type: [JurisdictionDto] })
  async list(@Query() q: JurisdictionQuery): Promise<JurisdictionDto[]> {
    return (await this.jurisdictions.list(q.parent)).map(({ code, name, level, parentCode }) => ({
      code,
      name,
      level,
      parentCode,
    }));
  }
}
