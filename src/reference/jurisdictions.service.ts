import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Jurisdiction } from './entities/jurisdiction.entity';

@Injectable()
export class JurisdictionsService {
  constructor(private readonly dataSource: DataSource) {}

  async isStreet(code: string, em: EntityManager = this.dataSource.manager): Promise<boolean> {
    return (await em.count(Jurisdiction, { where: { code, level: 'STREET' } })) > 0;
  }

  async list(parentCode?: string): Promise<Jurisdiction[]> {
    return this.dataSource.getRepository(Jurisdiction).find({
      where: parentCode ? { parentCode } : {},
      order: { code: 'ASC' },
    });
  }
}
