import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { BlacklistNoticePerson } from './entities/blacklist-notice-person.entity';
import { BlacklistPerson } from './entities/blacklist-person.entity';

/** SQL of the persons listed with an employer (wage_arrears_blacklist_persons) and of those a notice names. */
@Injectable()
export class BlacklistPersonsRepository {
  async insert(em: EntityManager, rows: BlacklistPerson[]): Promise<void> {
    await em.insert(BlacklistPerson, rows);
  }

  async insertNoticed(em: EntityManager, rows: Omit<BlacklistNoticePerson, 'notice'>[]): Promise<void> {
    await em.insert(BlacklistNoticePerson, rows);
  }

  /** The persons a notice names, in its order. */
  ofNotice(em: EntityManager, noticeId: string): Promise<BlacklistNoticePerson[]> {
    return em.find(BlacklistNoticePerson, { where: { noticeId }, order: { position: 'ASC' } });
  }

  async recordStatement(em: EntityManager, id: string, statementOn: string, summary: string): Promise<void> {
    await em.update(BlacklistNoticePerson, { id }, { statementOn, statementSummary: summary });
  }

  /** The persons of these listings, in the order each decision names them. */
  ofListings(em: EntityManager, listingIds: string[]): Promise<BlacklistPerson[]> {
    if (!listingIds.length) return Promise.resolve([]);
    return em.find(BlacklistPerson, {
      where: { listingId: In(listingIds) },
      order: { listingId: 'ASC', position: 'ASC' },
    });
  }

  /** Every listing naming the person (by the ID number's blind index), with its employer's name. */
  listingsOf(em: EntityManager, idNumberBidx: string) {
    return em.query<
      {
        listing_id: string;
        employer_id: string;
        employer_name: string;
        employer_name_confirmed: boolean;
        jurisdiction_code: string;
        status: string;
        listed_on: string;
        expires_on: string;
        role: string;
        name: string;
      }[]
    >(
      `SELECT b.id AS listing_id, b.employer_id, e.name AS employer_name,
              e.name_confirmed AS employer_name_confirmed, b.jurisdiction_code, b.status,
              to_char(b.listed_on, 'YYYY-MM-DD') AS listed_on, to_char(b.expires_on, 'YYYY-MM-DD') AS expires_on,
              p.role, p.name
         FROM wage_arrears_blacklist_persons p
         JOIN wage_arrears_blacklist b ON b.id = p.listing_id
         JOIN employer_compliance_source e ON e.id = b.employer_id
        WHERE p.id_number_bidx = $1
        ORDER BY b.listed_on DESC, b.id DESC`,
      [idNumberBidx],
    );
  }
}
