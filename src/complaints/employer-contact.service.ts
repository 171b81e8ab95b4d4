import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/roles';
import { maskPhone } from '../common/pii';
import { TransactionRunner } from '../database/transaction';
import { EmployersService } from '../reference/employers.service';
import { ComplaintsService } from './complaints.service';
import type { EmployerContactDto } from '../reference/dto/employer-contact.dto';

/**
 * The employer's official contact number: the one its SMS go to (reminders, the brigade's and the commission's acts).
 * A number a complainant or reporter typed is their statement on their filing and is never texted; staff handling a
 * complaint confirm the employer's number (the one stated, once checked, or another) and the confirmation is an event
 * of that complaint (`EMPLOYER_CONTACT_CONFIRMED`, the number masked).
 */
@Injectable()
export class EmployerContactService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly complaints: ComplaintsService,
    private readonly employers: EmployersService,
    private readonly audit: AuditService,
  ) {}

  async confirm(viewer: Principal, complaintId: string, phone: string): Promise<EmployerContactDto> {
    const result = await this.tx.run(async (em) => {
      const c = await this.complaints.assertVisible(viewer, complaintId, em);
      const confirmed = await this.employers.confirmContactPhone(em, c.employerId, phone, viewer.userId);
      await this.audit.append(em, {
        caseType: 'COMPLAINT',
        caseId: c.id,
        action: 'EMPLOYER_CONTACT_CONFIRMED',
        fromStatus: c.status,
        toStatus: c.status,
        actor: viewer,
        data: { employerId: c.employerId, phone: maskPhone(phone) },
      });
      return confirmed;
    });
    // Committed: this process's views read the employer again.
    this.employers.forget([result.employerId]);
    return result;
  }
}
