import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/decorators';
import { PublicStatsDto, PublicStatsQueryDto } from './dto/sla.dto';
import { SlaService } from './sla.service';

/** Seconds shared caches and browsers may keep the open statistics. */
export const PUBLIC_STATS_MAX_AGE = 300;

/** Open statistics (政务公开): district and street counts and rates, no case, no person. */
@ApiTags('public')
@Controller('api/v1/public/stats')
export class PublicStatsController {
  constructor(private readonly sla: SlaService) {}

  @ApiOperation({
    summary: '公开统计',
    description: '区和街道的年度结案率等统计汇总（公开，无需登录；有缓存）。',
  })
  @Get()
  @Public()
  @Throttle({ default: { limit: 60, ttl: 60_000 } })
  @ApiOkResponse({ type: PublicStatsDto })
  async stats(
    @Query() q: PublicStatsQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PublicStatsDto | undefined> {
    const body = await this.sla.publicStats(q.year);
    const etag = `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
    void reply.header('Cache-Control', `public, max-age=${PUBLIC_STATS_MAX_AGE}`);
    void reply.header('ETag', etag);
    if (ifNoneMatch === etag) {
      void reply.status(304);
      return undefined;
    }
    return body;
  }
}
