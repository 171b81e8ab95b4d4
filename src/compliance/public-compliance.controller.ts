import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { Public } from '../auth/decorators';
import { BlacklistService } from './blacklist.service';
import {
  PublicBlacklistPageDto,
  PublicBlacklistQuery,
  PublicViolationPageDto,
  PublicViolationsQuery,
} from './dto/compliance.dto';
import { PublicationService } from './publication.service';

/** Public lists may be cached for five minutes by browsers and proxies. */
const PUBLIC_CACHE = 'public, max-age=300';

/**
 * Read-only, no login, rate-limited; employers, and on the blacklist the persons listed with them (当事人, 人社部令第45号
 * 第五条: name and the ID number's last 4); never a worker's, staff member's or other person's data.
 */
@ApiTags('public')
@Controller('api/v1/public')
export class PublicComplianceController {
  constructor(
    private readonly publications: PublicationService,
    private readonly blacklist: BlacklistService,
  ) {}

  /** 重大劳动保障违法行为社会公布: the published batch of a quarter. */
  @ApiOperation({
    summary: '重大违法行为社会公布',
    description: '某一季度公布的重大劳动保障违法行为（公开，无需登录）。',
  })
  @Get('violations')
  @Public()
  @Throttle({ default: { limit: 60, ttl: 60_000 } })
  @Header('Cache-Control', PUBLIC_CACHE)
  @ApiOkResponse({ type: PublicViolationPageDto })
  violations(@Query() q: PublicViolationsQuery): Promise<PublicViolationPageDto> {
    return this.publications.publicList(q);
  }

  /** 拖欠农民工工资失信联合惩戒名单: the employers listed and in force today. */
  @ApiOperation({
    summary: '失信联合惩戒名单',
    description:
      '今日在列的拖欠农民工工资失信联合惩戒名单及其当事人（姓名、身份证号码仅显示后 4 位；公开，无需登录）。',
  })
  @Get('blacklist')
  @Public()
  @Throttle({ default: { limit: 60, ttl: 60_000 } })
  @Header('Cache-Control', PUBLIC_CACHE)
  @ApiOkResponse({ type: PublicBlacklistPageDto })
  list(@Query() q: PublicBlacklistQuery): Promise<PublicBlacklistPageDto> {
    return this.blacklist.publicList(q);
  }
}
