import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Principal } from '../auth/roles';
import { AppException } from '../common/errors/app-exception';
import { TransactionRunner } from '../database/transaction';
import { CompiledRuleSet } from './risk.evaluator';
import { RiskRepository } from './risk.repository';
import { DEFAULT_RULE_SET, type RiskRuleSet } from './risk.rules';
import { isRuleSetVersion, validateRuleSet } from './rule-set.schema';

export interface RuleSetView {
  version: number;
  rules: RiskRuleSet['rules'];
  note: string | null;
  createdBy: string | null;
  createdAt: string;
}

/** Rule sets as data: versioned rows, validated against the schema built from the FEATURES catalogue. */
@Injectable()
export class RiskRuleSetsService {
  private readonly compiled = new Map<number, CompiledRuleSet>();

  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: RiskRepository,
  ) {}

  /** The current version; the built-in rule set is stored as version 1 on first use. */
  async current(): Promise<RuleSetView> {
    return this.currentIn(this.tx.manager);
  }

  /** `current` inside the caller's transaction. */
  private async currentIn(em: EntityManager): Promise<RuleSetView> {
    let row = await this.repo.latestRuleSet(em);
    if (!row) {
      await this.repo.insertRuleSet(em, {
        version: 1,
        rules: DEFAULT_RULE_SET.rules,
        note: 'built-in rule set (docs/risk-rules.md)',
        createdBy: null,
      });
      row = await this.repo.latestRuleSet(em);
    }
    return toView(row!);
  }

  async get(version: number): Promise<RuleSetView> {
    // A number beyond the integer column is no version (asked of PostgreSQL, it was a 500: out of range).
    const row = isRuleSetVersion(version) ? await this.repo.ruleSet(this.tx.manager, version) : null;
    if (!row) throw AppException.notFound('RULE_SET_NOT_FOUND', `No rule set version ${version}`);
    return toView(row);
  }

  async list(): Promise<RuleSetView[]> {
    await this.current();
    return (await this.repo.listRuleSets(this.tx.manager)).map(toView);
  }

  /** Validates and saves a new version (nothing is saved when any error is found); earlier versions never change. */
  async create(actor: Principal, body: unknown): Promise<RuleSetView> {
    const errors = validateRuleSet(body);
    if (errors.length)
      throw AppException.badRequest('RULE_SET_INVALID', 'The rule set does not validate', errors);
    const { rules, note } = body as RiskRuleSet & { note?: string };
    return this.tx.run(async (em) => {
      await this.repo.lockRuleSets(em);
      const latest = await this.currentIn(em);
      const version = latest.version + 1;
      await this.repo.insertRuleSet(em, { version, rules, note: note ?? null, createdBy: actor.userId });
      return toView((await this.repo.ruleSet(em, version))!);
    });
  }

  /** A compiled engine for a version (cached: versions never change). */
  async compiledFor(version: number | 'current'): Promise<{ version: number; compiled: CompiledRuleSet }> {
    const view = version === 'current' ? await this.current() : await this.get(version);
    let c = this.compiled.get(view.version);
    if (!c) {
      c = new CompiledRuleSet({ rules: view.rules });
      this.compiled.set(view.version, c);
    }
    return { version: view.version, compiled: c };
  }
}

function toView(row: {
  version: number;
  rules: object;
  note: string | null;
  createdBy: string | null;
  createdAt: Date;
}): RuleSetView {
  return {
    version: row.version,
    rules: row.rules as RiskRuleSet['rules'],
    note: row.note,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}
