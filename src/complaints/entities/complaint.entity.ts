import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Organisation } from '../../reference/entities/organisation.entity';
import { User } from '../../auth/entities/user.entity';
import { Employer } from '../../reference/entities/employer.entity';
import { Jurisdiction } from '../../reference/entities/jurisdiction.entity';
import { bigintToNumber } from '../../database/bigint.transformer';
import type {
  ComplaintCategory,
  ComplaintKind,
  ComplaintStatus,
  IntakeChannel,
} from '../complaint.constants';
import type { RouteTarget } from '../routing.rules';
import { CollectiveDispute } from './collective-dispute.entity';

/** A complaint (投诉) or anonymous report (举报) as received at intake. */
@Entity({ name: 'complaints' })
// A street's own page: `workplace_street_code = code`, newest first (whereInJurisdictions; issue 17.3).
@Index('idx_complaints_street_created_id', ['workplaceStreetCode', 'createdAt', 'id'])
// Street-level codes only (9 digits), so that a street's code matches its own rows alone by equality.
@Check('chk_complaints_street_code_length', 'char_length(workplace_street_code) = 9')
// Lists are newest first (keyset on created_at, id); a wider scope's filter is a LIKE prefix, which a btree
// cannot use under a non-C collation: this index serves those pages (issue 17.3).
@Index('idx_complaints_created_id', ['createdAt', 'id'])
@Index('idx_complaints_complainant_created', ['complainantUserId', 'createdAt'])
@Index('idx_complaints_employer_created', ['employerId', 'createdAt'])
@Index('idx_complaints_received_on', ['receivedOn'])
@Index('idx_complaints_employer_received', ['employerId', 'receivedOn'])
@Index('idx_complaints_complainant_phone_bidx', ['complainantPhoneBidx'], {
  where: 'complainant_phone_bidx IS NOT NULL',
})
// The possible-duplicate check at intake finds a complainant's earlier complaints by this or by the account.
@Index('idx_complaints_complainant_id_number_bidx', ['complainantIdNumberBidx', 'createdAt'], {
  where: 'complainant_id_number_bidx IS NOT NULL',
})
export class Complaint {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('uq_complaints_tracking_no', { unique: true })
  @Column({ name: 'tracking_no', type: 'varchar', length: 24 })
  trackingNo: string;

  @Column({ type: 'varchar', length: 10 })
  kind: ComplaintKind;

  @Column({ type: 'varchar', length: 24 })
  status: ComplaintStatus;

  @Column({ type: 'varchar', length: 32 })
  category: ComplaintCategory;

  @Column({ type: 'varchar', length: 16 })
  channel: IntakeChannel;

  @Column({ name: 'employer_id', type: 'uuid' })
  employerId: string;

  @ManyToOne(() => Employer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'employer_id', foreignKeyConstraintName: 'fk_complaints_employer' })
  employer?: Employer;

  /**
   * The employer's name as the complainant (or reporter) typed it: their statement, shown as such; the register's
   * name is the employer's (`employers.name`). Null on complaints filed before migration 1796400006600.
   */
  @Column({ name: 'employer_name_stated', type: 'varchar', length: 200, nullable: true })
  employerNameStated: string | null;

  /** The employer's contact number as the complainant (or reporter) gave it; never texted until staff confirm it. */
  @Column({ name: 'employer_phone_stated', type: 'varchar', length: 11, nullable: true })
  employerPhoneStated: string | null;

  /** The employer's address as the complainant (or reporter) gave it, at intake or in a 补正 (migration 1796400010300). */
  @Column({ name: 'employer_address_stated', type: 'varchar', length: 300, nullable: true })
  employerAddressStated: string | null;

  @Column({ name: 'workplace_street_code', type: 'varchar', length: 12 })
  workplaceStreetCode: string;

  @ManyToOne(() => Jurisdiction, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'workplace_street_code', foreignKeyConstraintName: 'fk_complaints_street' })
  workplaceStreet?: Jurisdiction;

  /** Claimed amount in fen (分); optional on anonymous reports. */
  @Column({ name: 'claimed_amount_fen', type: 'bigint', nullable: true, transformer: bigintToNumber })
  claimedAmountFen: number | null;

  @Column({ name: 'affected_workers', type: 'int' })
  affectedWorkers: number;

  @Column({ type: 'text' })
  facts: string;

  @Column({ type: 'text' })
  requests: string;

  @Column({ name: 'complainant_user_id', type: 'uuid', nullable: true })
  complainantUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complainant_user_id', foreignKeyConstraintName: 'fk_complaints_complainant' })
  complainantUser?: User;

  @Column({ name: 'complainant_name', type: 'varchar', length: 64, nullable: true })
  complainantName: string | null;

  /** The complainant's ID number, encrypted (common/pii-crypto.ts); never stored in plaintext. */
  @Column({ name: 'complainant_id_number_enc', type: 'text', nullable: true })
  complainantIdNumberEnc: string | null;

  /** Blind index (HMAC) of the ID number: duplicate check and "distinct workers" compare it. */
  @Column({ name: 'complainant_id_number_bidx', type: 'varchar', length: 64, nullable: true })
  complainantIdNumberBidx: string | null;

  /** The complainant's phone, encrypted (common/pii-crypto.ts). */
  @Column({ name: 'complainant_phone_enc', type: 'text', nullable: true })
  complainantPhoneEnc: string | null;

  /** Blind index (HMAC) of the phone: search by phone looks it up. */
  @Column({ name: 'complainant_phone_bidx', type: 'varchar', length: 64, nullable: true })
  complainantPhoneBidx: string | null;

  /**
   * The complainant is vouched for: the worker's own complaint (their phone verified by SMS code) or one staff
   * entered (hotline, walk-in). Complaints a worker filed on someone's behalf are not; risk features and
   * collective detection count them apart (complainant.rules.ts VERIFIED_WORKER_KEY).
   */
  @Column({ name: 'complainant_verified', type: 'boolean', default: false })
  complainantVerified: boolean;

  /** Who entered the complaint: the worker, a worker filing on someone's behalf, or staff (hotline, walk-in). */
  @Column({ name: 'filed_by_user_id', type: 'uuid', nullable: true })
  filedByUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'filed_by_user_id', foreignKeyConstraintName: 'fk_complaints_filed_by' })
  filedByUser?: User;

  /** Set when a worker filed for someone else (onBehalfOf): how the filer is related to the complainant. */
  @Column({ name: 'on_behalf_relationship', type: 'varchar', length: 32, nullable: true })
  onBehalfRelationship: string | null;

  /** The worker asked to go to arbitration rather than mediation (调解仲裁法 第五条). */
  @Column({ name: 'wants_arbitration', type: 'boolean', default: false })
  wantsArbitration: boolean;

  /** An earlier complaint of the same complainant against the same employer and category within 30 days. */
  @Column({ name: 'possible_duplicate_of', type: 'uuid', nullable: true })
  possibleDuplicateOf: string | null;

  @Column({ name: 'duplicate_review', type: 'varchar', length: 12, nullable: true })
  duplicateReview: 'DISMISSED' | 'CONFIRMED' | null;

  @Column({ name: 'route_target', type: 'varchar', length: 16, nullable: true })
  routeTarget: RouteTarget | null;

  @Column({ name: 'route_organisation_id', type: 'uuid', nullable: true })
  routeOrganisationId: string | null;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'route_organisation_id', foreignKeyConstraintName: 'fk_complaints_route_organisation' })
  routeOrganisation?: Organisation;

  @Column({ name: 'routed_at', type: 'timestamptz', nullable: true })
  routedAt: Date | null;

  /** Set when staff confirm this complaint as part of a collective dispute. */
  @Column({ name: 'collective_dispute_id', type: 'uuid', nullable: true })
  collectiveDisputeId: string | null;

  @ManyToOne(() => CollectiveDispute, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'collective_dispute_id', foreignKeyConstraintName: 'fk_complaints_collective_dispute' })
  collectiveDispute?: CollectiveDispute;

  /** argon2id of the reporter's access code (reports only). */
  @Column({ name: 'access_code_hash', type: 'text', nullable: true, select: false })
  accessCodeHash: string | null;

  @Column({ name: 'access_failures', type: 'int', default: 0 })
  accessFailures: number;

  @Column({ name: 'access_locked_until', type: 'timestamptz', nullable: true })
  accessLockedUntil: Date | null;

  /**
   * When the receipt was acknowledged (the complainant's SMS sent, or the report's in-app message posted): set with
   * the ACKNOWLEDGED event in one transaction, so the acknowledgement job reads and claims it on the row itself.
   */
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  /** The calendar date of receipt in Asia/Shanghai: statutory periods count from it. */
  @Column({ name: 'received_on', type: 'date' })
  receivedOn: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
