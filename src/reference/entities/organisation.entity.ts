import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const ORGANISATION_KINDS = [
  'HRSS_BUREAU',
  'MEDIATION_COMMITTEE',
  'ARBITRATION_COMMISSION',
  'INSPECTION_BRIGADE',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** A body staff work for: the district bureau, a street mediation committee, the arbitration commission... */
@Entity({ name: 'organisations' })
export class Organisation {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  kind: OrganisationKind;

  @Column({ name: 'jurisdiction_code', type: 'varchar', length: 12 })
  jurisdictionCode: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
