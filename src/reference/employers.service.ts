import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationsService } from '../notifications/notifications.service';
import type { SmsTemplateId } from '../notifications/templates';
import type { Employer, EmployerSource } from './entities/employer.entity';
import { ReferenceRepository } from './reference.repository';

export interface EmployerInput {
  name: string;
  uscc?: string;
  address?: string;
  contactPhone?: string;
  /** Recorded on a newly created employer (default COMPLAINT). */
  source?: EmployerSource;
}

/** Whitespace and full-width forms folded, so "上海某某 有限公司" and "上海某某有限公司" are one employer. */
export function normaliseEmployerName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').toUpperCase();
}

/** The employers register. Unknown employers named in complaints are created on the fly. */
@Injectable()
export class EmployersService {
  constructor(
    private readonly repo: ReferenceRepository,
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Finds the employer by USCC, or (without USCC) by normalised name among employers without USCC; creates it
   * if absent. Concurrent calls converge on one row (ON CONFLICT on the unique indexes).
   */
  async findOrCreate(em: EntityManager, input: EmployerInput): Promise<Employer> {
    const nameNormalised = normaliseEmployerName(input.name);
    const existing = await this.repo.findEmployer(em, input.uscc, nameNormalised);
    if (existing) {
      if (input.contactPhone && !existing.contactPhone) {
        await this.repo.fillContactPhone(em, existing.id, input.contactPhone);
        existing.contactPhone = input.contactPhone;
      }
      return existing;
    }
    await this.repo.insertEmployerIfAbsent(em, {
      uscc: input.uscc ?? null,
      name: input.name.trim(),
      nameNormalised,
      address: input.address?.trim() || null,
      source: input.source ?? 'COMPLAINT',
      contactPhone: input.contactPhone ?? null,
    });
    return (await this.repo.findEmployer(em, input.uscc, nameNormalised))!;
  }

  /** One employer of the register, or null for an unknown id. */
  async byId(em: EntityManager, id: string): Promise<Employer | null> {
    return (await this.repo.employersByIds(em, [id]))[0] ?? null;
  }

  async byIds(em: EntityManager, ids: string[]): Promise<Map<string, Employer>> {
    return new Map((await this.repo.employersByIds(em, ids)).map((e) => [e.id, e]));
  }

  /** Job handler body: an SMS to the employer's contact (reminders), at most once per dedupKey. */
  async notify(p: {
    employerId: string;
    template: SmsTemplateId;
    dedupKey: string;
    params: Record<string, string>;
  }): Promise<void> {
    const e = (await this.repo.employersByIds(this.dataSource.manager, [p.employerId]))[0];
    if (!e) return;
    const n = { dedupKey: p.dedupKey, template: p.template, subjectRef: `employer:${e.id}` };
    if (e.contactPhone)
      await this.notifications.sendSmsOnce({ ...n, phone: e.contactPhone, params: p.params });
    else await this.notifications.recordUndeliverable(n, 'no contact number on file for the employer');
  }
}
