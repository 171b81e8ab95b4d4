import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { HearingAttendance } from '../arbitration.constants';
import { ArbitrationCase } from './arbitration-case.entity';

/** A hearing (开庭) of an arbitration case, in a room, with its arbitrators. */
@Entity({ name: 'arbitration_hearings' })
@Index('idx_arbitration_hearings_case', ['caseId'])
@Index('idx_arbitration_hearings_room_starts', ['room', 'startsAt'])
export class ArbitrationHearing {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne(() => ArbitrationCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_arbitration_hearings_case' })
  case?: ArbitrationCase;

  @Column({ type: 'varchar', length: 64 })
  room: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  /** startsAt + the assumed slot (2 hours). */
  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ name: 'arbitrator_ids', type: 'uuid', array: true })
  arbitratorIds: string[];

  /** Set when the hearing was postponed (调解仲裁法 第三十五条); a postponed hearing books nothing. */
  @Column({ name: 'postponed_at', type: 'timestamptz', nullable: true })
  postponedAt: Date | null;

  @Column({ name: 'postponement_reason', type: 'text', nullable: true })
  postponementReason: string | null;

  /** The hearing that replaces this one. */
  @Column({ name: 'replaced_by', type: 'uuid', nullable: true })
  replacedBy: string | null;

  /** The hearing took place: its record (attendance, minutes) was entered after its start. */
  @Column({ name: 'held_at', type: 'timestamptz', nullable: true })
  heldAt: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  attendance: HearingAttendance | null;

  @Column({ name: 'minutes_summary', type: 'text', nullable: true })
  minutesSummary: string | null;

  /** Set when the case closed (award, withdrawal...) before the hearing: the slot is free again. */
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  /** Scheduled on a rest day or outside the commission's hours: the reason given (also on the timeline). */
  @Column({ name: 'override_reason', type: 'text', nullable: true })
  overrideReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
