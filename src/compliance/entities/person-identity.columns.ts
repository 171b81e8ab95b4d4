import { Column } from 'typeorm';
import type { ResponsibleRole } from '../blacklist-persons.rules';

/**
 * The columns naming a 当事人 (人社部令第45号 第五条) on a listing or on its notice: the resident ID number stored
 * encrypted with a blind index for exact lookups (common/pii-crypto.ts), never in plaintext; the name in plaintext.
 */
export abstract class PersonIdentityColumns {
  /** The order the decision or notice names them in. */
  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'varchar', length: 24 })
  role: ResponsibleRole;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ name: 'id_number_enc', type: 'text' })
  idNumberEnc: string;

  @Column({ name: 'id_number_bidx', type: 'varchar', length: 64 })
  idNumberBidx: string;
}
