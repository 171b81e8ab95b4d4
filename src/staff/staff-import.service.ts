import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ORGANISATION_KINDS, type OrganisationKind } from '../reference/entities/organisation.entity';
import { organisationId } from '../reference/organisations';
import type { Principal } from '../auth/roles';
import { AppException, fieldError, withFacts } from '../common/errors/app-exception';
import { validationFieldError } from '../common/http/validation-messages';
import { nulCharacterErrors } from '../common/http/body-guard';
import { TransactionRunner } from '../database/transaction';
import { CreateStaffDto } from './dto/admin.dto';
import { StaffAdminRepository } from './staff-admin.repository';
import { StaffAdminService, type NewStaff } from './staff-admin.service';
import { withinScope } from './staff.rules';
import { headerProblems, MAX_IMPORT_ROWS, parseImportFile, type ImportProblem } from './staff-import';

/** `organisation` is an organisation id, or KIND:code of a district body (e.g. MEDIATION_COMMITTEE:310115007). */
function organisationRef(value: string): string {
  const m = /^([A-Z_]+):(\d{6}(?:\d{3})?)$/.exec(value);
  return m && (ORGANISATION_KINDS as readonly string[]).includes(m[1])
    ? organisationId(m[1] as OrganisationKind, m[2])
    : value;
}

/**
 * The bulk import of staff (CSV or XLSX): every row is checked first; any bad row and nothing is imported, each
 * bad row reported with its line and field. A dry run stops after the checks.
 */
@Injectable()
export class StaffImportService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly repo: StaffAdminRepository,
    private readonly staff: StaffAdminService,
  ) {}

  async import(actor: Principal, file: Buffer, dryRun: boolean) {
    let parsed: Awaited<ReturnType<typeof parseImportFile>>;
    try {
      parsed = await parseImportFile(file);
    } catch {
      throw AppException.badRequest(
        'IMPORT_UNREADABLE',
        'The file is neither a readable CSV nor an XLSX file',
      );
    }
    const problems: ImportProblem[] = headerProblems(parsed.columns);
    if (parsed.rows.length === 0)
      problems.push(
        fieldError('file', 'isNotEmpty', '文件中没有数据行', 'the file has no rows', { line: 2 }),
      );
    if (parsed.rows.length > MAX_IMPORT_ROWS)
      problems.push(
        fieldError('file', 'maxRows', `最多 ${MAX_IMPORT_ROWS} 行`, `at most ${MAX_IMPORT_ROWS} rows`, {
          line: MAX_IMPORT_ROWS + 2,
        }),
      );
    if (problems.length > 0) throw invalid(problems);

    const em = this.tx.manager;
    const seen = new Map<string, number>();
    const accounts: { line: number; input: NewStaff }[] = [];
    for (const { line, values } of parsed.rows) {
      const input = {
        username: values.username,
        displayName: values.displayName,
        role: values.role,
        organisationId: organisationRef(values.organisation ?? ''),
        jurisdictionCodes: (values.jurisdictionCodes ?? '').split(/[;,|\s]+/).filter(Boolean),
        ...(values.phone ? { phone: values.phone } : {}),
      };
      // PostgreSQL stores no NUL in text: a 400 naming the line, as a JSON body's, not a 500 at the insert.
      const unstorable = nulCharacterErrors(values);
      for (const e of unstorable) problems.push(withFacts(e, { line }));
      if (unstorable.length > 0) continue;
      const errors = await validate(plainToInstance(CreateStaffDto, input));
      for (const e of errors)
        problems.push(
          withFacts(validationFieldError(e.property === 'organisationId' ? 'organisation' : e.property, e), {
            line,
          }),
        );
      if (errors.length > 0) continue;
      const org = await this.repo.findOrganisation(em, input.organisationId);
      if (!org || !withinScope(actor, org.jurisdictionCode)) {
        problems.push(
          fieldError(
            'organisation',
            'jurisdiction',
            '您的管辖范围内没有该机构',
            'no such organisation in your jurisdiction',
            {
              line,
            },
          ),
        );
        continue;
      }
      const role = input.role as NewStaff['role'];
      for (const p of await this.staff.assignmentProblemsIn(em, role, org, input.jurisdictionCodes))
        problems.push(withFacts(p, { line, field: p.field === 'organisationId' ? 'organisation' : p.field }));
      const earlier = seen.get(input.username);
      if (earlier)
        problems.push(
          fieldError('username', 'unique', `与第 ${earlier} 行重复`, `repeats line ${earlier}`, { line }),
        );
      else if (await this.repo.usernameTaken(em, input.username))
        problems.push(fieldError('username', 'unique', '该用户名已被使用', 'is already taken', { line }));
      seen.set(input.username, line);
      accounts.push({ line, input: input as NewStaff });
    }
    if (problems.length > 0) throw invalid(problems);
    if (dryRun)
      return {
        dryRun: true,
        imported: 0,
        valid: accounts.length,
        users: accounts.map((a) => ({ line: a.line, username: a.input.username })),
      };
    const users = await this.tx.run(async (em2) => {
      const out = [];
      for (const a of accounts)
        out.push({ line: a.line, ...(await this.staff.createIn(em2, actor, a.input, 'USERS_IMPORTED')) });
      return out;
    });
    return { dryRun: false, imported: users.length, valid: users.length, users };
  }
}

function invalid(problems: ImportProblem[]): AppException {
  return AppException.badRequest(
    'IMPORT_INVALID',
    `${problems.length} problem(s) in the file; nothing was imported`,
    problems.sort((a, b) => a.line - b.line),
  );
}
