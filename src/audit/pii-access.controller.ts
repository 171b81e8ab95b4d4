import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { PiiAccessPageDto, PiiAccessQuery } from './dto/pii-access.dto';
import { PiiAccessService } from './pii-access.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/pii-access')
export class PiiAccessController {
  constructor(private readonly access: PiiAccessService) {}

  /** Reads of unmasked ID numbers and phones by staff (who, which case, when, why), newest first. */
  @Get()
  @Roles('ADMIN')
  @ApiOkResponse({ type: PiiAccessPageDto })
  list(@Query() q: PiiAccessQuery): Promise<PiiAccessPageDto> {
    return this.access.list(q);
  }
}
