import { ApiProperty } from '@nestjs/swagger';
import type { ArbitrationRecusal } from '../entities/arbitration-recusal.entity';
import {
  RECUSAL_CHANNELS,
  RECUSAL_DECISIONS,
  RECUSAL_GROUNDS,
  RECUSAL_SIDES,
  type RecusalChannel,
  type RecusalDecision,
  type RecusalGround,
  type RecusalSide,
} from '../recusal.rules';

export class RecusalViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) arbitratorId: string;
  @ApiProperty({ enum: RECUSAL_SIDES }) side: RecusalSide;
  @ApiProperty({ enum: RECUSAL_CHANNELS }) channel: RecusalChannel;
  @ApiProperty({ enum: RECUSAL_GROUNDS, isArray: true }) grounds: RecusalGround[];
  @ApiProperty() receivedOn: string;
  @ApiProperty({ enum: RECUSAL_DECISIONS, nullable: true }) decision: RecusalDecision | null;
  @ApiProperty({ type: String, nullable: true }) decidedOn: string | null;
}

/** A recusal application as the case view shows it (the party's statement and the reasons stay in the row). */
export const recusalView = (r: ArbitrationRecusal): RecusalViewDto => ({
  id: r.id,
  arbitratorId: r.arbitratorId,
  side: r.side,
  channel: r.channel,
  grounds: r.grounds,
  receivedOn: r.receivedOn,
  decision: r.decision,
  decidedOn: r.decidedOn,
});
