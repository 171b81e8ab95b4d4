import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { coversJurisdiction, type Principal } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import { maskPhone } from '../common/pii';
import { TransactionRunner } from '../database/transaction';
import type { EmployerContactDto, EmployerNameDto } from './dto/employer-contact.dto';
import { EmployerInvestigations } from './employer-investigations';
import { EmployersService, normaliseEmployerName } from './employers.service';
import type { Employer } from './entities/employer.entity';
import { ReferenceRepository } from './reference.repository';

/**
 * May `viewer` edit this employer of the register? One registered in a street is its street's (and its district's)
 * staff's; one registered nowhere (known only from complaints or reports) the administrator's: no street tells
 * which staff it belongs to (the complaint's own endpoint confirms its number for the case's staff).
 */
export function mayEditEmployer(
  viewer: Pick<Principal, 'role' | 'jurisdictions'>,
  e: Pick<Employer, 'streetCode'>,
): boolean {
  return e.streetCode ? coversJurisdiction(viewer, e.streetCode) : viewer.role === 'ADMIN';
}

const notFound = () => AppException.notFound('EMPLOYER_NOT_FOUND', 'No such employer');

/**
 * Staff edits of one employer outside a register import: the register's name confirmed or corrected, the contact
 * number confirmed (e.g. before a planned inspection, with no complaint to confirm it on). Each is an event of the
 * employer (case type EMPLOYER, as its compliance record); an employer the caller may not edit is 404.
 */
@Injectable()
export class EmployerEditsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: ReferenceRepository,
    private readonly employers: EmployersService,
    private readonly audit: AuditService,
    private readonly investigations: EmployerInvestigations,
  ) {}

  async confirmName(viewer: Principal, id: string, name: string): Promise<EmployerNameDto> {
    const result = await this.tx.run(async (em) => {
      // Its editors (an inspector of its street too: the endpoint's roles), or, for an employer registered in no
      // street (every provisional name is one: known only from complaints or reports), the staff investigating it,
      // who verify the name against its business licence (劳动保障监察条例 第十五条).
      const e = await this.employers.byId(em, id);
      const may =
        e &&
        (mayEditEmployer(viewer, e) ||
          (!e.streetCode && (await this.investigations.investigates(em, viewer, id))));
      if (!e || !may) throw notFound();
      const nameNormalised = normaliseEmployerName(name);
      // Without a USCC the normalised name is the employer's key: another's cannot be taken.
      const same = e.uscc ? null : await this.repo.findEmployer(em, undefined, nameNormalised);
      if (same && same.id !== id)
        throw AppException.conflict('EMPLOYER_NAME_TAKEN', 'Another employer without a USCC has this name');
      await this.repo.confirmName(em, id, name, nameNormalised, { onlyIfProvisional: false });
      await this.audit.append(em, {
        caseType: 'EMPLOYER',
        caseId: id,
        action: 'EMPLOYER_NAME_CONFIRMED',
        actor: viewer,
        data: { previousName: e.name, previousNameConfirmed: e.nameConfirmed },
      });
      return { id, name, nameConfirmed: true };
    });
    this.employers.forget([id]);
    return result;
  }

  async confirmContact(viewer: Principal, id: string, phone: string): Promise<EmployerContactDto> {
    const result = await this.tx.run(async (em) => {
      const e = await this.employers.byId(em, id);
      if (!e) throw notFound();
      // As the name: for one registered in no street, also the staff investigating it (a report has no complaint
      // to confirm the number on); other case staff know it from their case, and are told where to confirm it.
      if (!mayEditEmployer(viewer, e)) {
        if (e.streetCode) throw notFound();
        if (!(await this.investigations.investigates(em, viewer, id)))
          throw AppException.forbidden('EMPLOYER_CONTACT_VIA_CASE', 'Confirm the number on its complaint');
      }
      const confirmed = await this.employers.confirmContactPhone(em, id, phone, viewer.userId);
      await this.audit.append(em, {
        caseType: 'EMPLOYER',
        caseId: id,
        action: 'EMPLOYER_CONTACT_CONFIRMED',
        actor: viewer,
        data: { phone: maskPhone(phone) },
      });
      return confirmed;
    });
    this.employers.forget([id]);
    return result;
  }
}
