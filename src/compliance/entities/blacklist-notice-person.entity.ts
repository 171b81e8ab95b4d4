import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PersonIdentityColumns } from './person-identity.columns';
import { BlacklistNotice } from './blacklist-notice.entity';

/**
 * A person the advance notice of a listing is served on (当事人, 人社部令第45号 第五条), and their own statement (陈述申辩)
 * if they made one. As for a listed person, the resident ID number is stored encrypted with a blind index, never in
 * plaintext; the name in plaintext. Notices served before persons were recorded have no rows: they named nobody.
 */
@Entity({ name: 'blacklist_notice_persons' })
@Index('uq_blacklist_notice_persons_notice_id_number', ['noticeId', 'idNumberBidx'], { unique: true })
export class BlacklistNoticePerson extends PersonIdentityColumns {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_blacklist_notice_persons' })
  id: string;

  @Column({ name: 'notice_id', type: 'uuid' })
  noticeId: string;

  @ManyToOne(() => BlacklistNotice, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'notice_id', foreignKeyConstraintName: 'fk_blacklist_notice_persons_notice' })
  notice?: BlacklistNotice;

  /** The day the person's statement was received and recorded; null when they made none. */
  @Column({ name: 'statement_on', type: 'date', nullable: true })
  statementOn: string | null;

  /** What the person stated and how it was considered (no ID number). */
  @Column({ name: 'statement_summary', type: 'text', nullable: true })
  statementSummary: string | null;
}
