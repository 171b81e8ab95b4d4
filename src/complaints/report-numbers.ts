import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { formatTrackingNumber, MAX_TRACKING_SEQ } from '../common/tracking-number';
import { ComplaintsRepository } from './complaints.repository';

/**
 * Public tracking numbers of anonymous reports (举报) are not sequential: the 7 digits are drawn at random
 * (crypto), so nobody can walk the numbers of other reports; the check character stays. A drawn number already
 * used is drawn again.
 */
@Injectable()
export class ReportNumbers {
  constructor(private readonly repo: ComplaintsRepository) {}

  async next(
    em: EntityManager,
    year: number,
    draw = () => randomInt(1, MAX_TRACKING_SEQ + 1),
  ): Promise<string> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const trackingNo = formatTrackingNumber('JB', year, draw());
      if (!(await this.repo.trackingNoTaken(em, trackingNo))) return trackingNo;
    }
    throw new Error('no free report tracking number after 20 draws');
  }
}
