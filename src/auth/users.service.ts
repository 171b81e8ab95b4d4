import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { newId } from '../common/ids';
import { User } from './entities/user.entity';

@Injectable()
export class UsersService {
  findByUsername(em: EntityManager, username: string): Promise<User | null> {
    return em.findOne(User, { where: { username } });
  }

  findById(em: EntityManager, id: string): Promise<User | null> {
    return em.findOne(User, { where: { id } });
  }

  /** The worker account of a mainland mobile number, created at first SMS sign-in. */
  async findOrCreateWorker(em: EntityManager, phone: string): Promise<User> {
    await em.query(
      `INSERT INTO users (id, username, role, jurisdiction_codes) VALUES ($1, $2, 'WORKER', '{}')
       ON CONFLICT (username) DO NOTHING`,
      [newId(), phone],
    );
    return em.findOneOrFail(User, { where: { username: phone } });
  }
}
