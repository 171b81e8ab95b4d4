import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PersonIdentityColumns } from './person-identity.columns';
import { BlacklistEntry } from './blacklist-entry.entity';

/**
 * A person listed with the employer (当事人, 人社部令第45号 第五条): 法定代表人 or 主要负责人, 直接负责的主管人员, 其他直接责任
 * 人员. The resident ID number is stored encrypted with a blind index for exact lookups (common/pii-crypto.ts), never
 * in plaintext; the name in plaintext, as complaints keep the complainant's (it is published with the listing).
 * The person shares the listing's state: early removal and expiry end it for all of them.
 */
@Entity({ name: 'wage_arrears_blacklist_persons' })
@Index('uq_wage_arrears_blacklist_persons_listing_id_number', ['listingId', 'idNumberBidx'], { unique: true })
@Index('idx_wage_arrears_blacklist_persons_id_number_bidx', ['idNumberBidx'])
export class BlacklistPerson extends PersonIdentityColumns {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_wage_arrears_blacklist_persons' })
  id: string;

  @Column({ name: 'listing_id', type: 'uuid' })
  listingId: string;

  @ManyToOne(() => BlacklistEntry, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'listing_id', foreignKeyConstraintName: 'fk_wage_arrears_blacklist_persons_listing' })
  listing?: BlacklistEntry;
}
