import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import { STAFF_ROLES, type Principal } from '../auth/roles';
import { SearchPageDto, SearchQueryDto } from './dto/search.dto';
import { SearchService } from './search.service';

@ApiTags('search')
@ApiBearerAuth()
@Controller('api/v1/search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  /** Finds cases by tracking / case number, USCC, complainant phone or employer name, in the caller's scope. */
  @ApiOperation({
    summary: '案件检索',
    description: '按查询号或案号、统一社会信用代码、投诉人手机号或用人单位名称，在本人可见范围内检索案件。',
  })
  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: SearchPageDto })
  find(@CurrentUser() user: Principal, @Query() q: SearchQueryDto): Promise<SearchPageDto> {
    return this.search.search(user, q);
  }
}
