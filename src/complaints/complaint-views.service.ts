import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PiiAccessService } from '../audit/pii-access.service';
import type { Principal } from '../auth/roles';
import { PiiCipher } from '../common/pii-crypto';
import {
  sealComplainant,
  seesPersonalDataInFull,
  toComplaintView,
  type ComplaintWithEmployer,
} from './complaint-view';
import type { ComplaintViewDto } from './dto/complaint-view.dto';
import type { Complaint } from './entities/complaint.entity';

/**
 * Complaint views with the complainant's personal data decrypted, shown in full or masked (complaint-view.ts);
 * every view that shows a staff member an ID number or phone unmasked is recorded in the access log, in `em`.
 */
@Injectable()
export class ComplaintViews {
  constructor(
    private readonly pii: PiiCipher,
    private readonly access: PiiAccessService,
  ) {}

  /** The encrypted columns and blind indexes of a new complaint's complainant. */
  seal(idNumber: string | null | undefined, phone: string | null | undefined) {
    return sealComplainant(this.pii, idNumber, phone);
  }

  /** The blind index of an ID number (duplicate check). */
  idNumberIndex(idNumber: string | null | undefined): string | null {
    return this.pii.blindIndexNullable('id_number', idNumber);
  }

  /** The decrypted ID number and phone of a complaint's complainant. */
  personalData(c: Complaint): { idNumber: string | null; phone: string | null } {
    return {
      idNumber: this.pii.decryptNullable(c.complainantIdNumberEnc),
      phone: this.pii.decryptNullable(c.complainantPhoneEnc),
    };
  }

  async one(
    em: EntityManager,
    cw: ComplaintWithEmployer,
    viewer: Principal,
    purpose: string,
  ): Promise<ComplaintViewDto> {
    return (await this.many(em, [cw], viewer, purpose))[0];
  }

  async many(
    em: EntityManager,
    list: ComplaintWithEmployer[],
    viewer: Principal,
    purpose: string,
  ): Promise<ComplaintViewDto[]> {
    const unmasked = list.filter(
      ({ complaint: c }) =>
        c.kind === 'COMPLAINT' &&
        (c.complainantIdNumberEnc !== null || c.complainantPhoneEnc !== null) &&
        seesPersonalDataInFull(viewer, c.complainantUserId),
    );
    await this.access.record(em, viewer, {
      caseType: 'COMPLAINT',
      caseIds: unmasked.map((cw) => cw.complaint.id),
      purpose,
    });
    return list.map((cw) => toComplaintView(cw, viewer, this.personalData(cw.complaint)));
  }
}
