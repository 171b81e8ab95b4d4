import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Clock } from './clock.entity';

export const CLOCK_EVENT_TYPES = ['PAUSE', 'RESUME', 'RESTART', 'EXTEND', 'STOP'] as const;
export type ClockEventType = (typeof CLOCK_EVENT_TYPES)[number];

/** One event of a clock (中止/恢复/重新计算/延长/结束), in order; events are only ever appended. */
@Entity({ name: 'clock_events' })
@Index('uq_clock_events_seq', ['clockId', 'seq'], { unique: true })
export class ClockEventRow {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'clock_id', type: 'uuid' })
  clockId: string;

  @ManyToOne(() => Clock, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'clock_id', foreignKeyConstraintName: 'fk_clock_events_clock' })
  clock?: Clock;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 10 })
  type: ClockEventType;

  @Column({ type: 'date' })
  date: string;

  /** EXTEND: the extension, in the rule's unit. */
  @Column({ type: 'int', nullable: true })
  amount: number | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
