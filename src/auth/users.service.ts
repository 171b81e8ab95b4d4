import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthRepository } from './auth.repository';
import { User } from './entities/user.entity';

/** Accounts, as other modules may use them. */
@Injectable()
export class UsersService {
  constructor(private readonly repo: AuthRepository) {}

  findByUsername(em: EntityManager, username: string): Promise<User | null> {
    return this.repo.findUserByUsername(em, username);
  }

  findById(em: EntityManager, id: string): Promise<User | null> {
    return this.repo.findUserById(em, id);
  }

  /** The worker account of a mainland mobile number, created at first SMS sign-in. */
  findOrCreateWorker(em: EntityManager, phone: string): Promise<User> {
    return this.repo.findOrCreateWorker(em, phone);
  }
}
