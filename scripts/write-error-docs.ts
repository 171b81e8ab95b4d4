import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorTable } from '../src/common/errors/catalogue';
import { ERROR_TABLES } from '../src/error-catalogue';

const HEADER = `# Error codes / 错误码

Generated from the modules' \`x.errors.ts\` tables by \`npm run docs:errors\`; \`test/unit/error-docs.spec.ts\` fails
when this file and the tables differ.

Every error is \`{ statusCode, code, message, details? }\` (schema \`ErrorBody\` in \`openapi.json\`):

- \`code\` is stable (UPPER_SNAKE): clients decide on it, never on \`message\`.
- \`message\` is for people: zh-CN by default, English when the request says \`Accept-Language: en\` (any \`en-*\`
  preferred over \`zh\` by quality); the response says which in \`Content-Language\`. The code and \`details\` do not
  change with the language.
- \`details\` carries what the client needs beyond the code: for \`VALIDATION_FAILED\` one entry per field,
  \`{ field, message, constraint, constraints }\`, where \`constraint\` is the rule that matters (\`isDefined\` for a
  missing field, then the type, then the format, then the range) and \`message\` says it in the request's language
  (\`RULE_SET_INVALID\` lists a rule set's errors the same way, each with its JSON pointer \`path\` too); for other codes an object (e.g. \`retryAfterSeconds\` with 429 and 503, the current \`status\` with
  \`ILLEGAL_TRANSITION\`).
- A case the caller may not see is 404, never 403.

A module adds a code by declaring it in its \`x.errors.ts\` (status, zh-CN and English message); \`AppException\` accepts
only declared codes, so a typo fails \`tsc\`, and \`src/error-catalogue.spec.ts\` checks every code thrown in \`src/\`.
`;

const cell = (s: string) => s.replace(/\|/g, '\\|');

/**
 * docs/errors.md (run from the repository root) from the tables: a section per module, a row per code, formatted by
 * the prettier CLI (its API loads plugins by dynamic import, which Jest's VM refuses).
 */
export function renderErrorDocs(): string {
  return execFileSync(
    join(process.cwd(), 'node_modules', '.bin', 'prettier'),
    ['--stdin-filepath', 'docs/errors.md'],
    {
      input: markdown(),
      encoding: 'utf8',
    },
  );
}

function markdown(): string {
  const sections = Object.entries(ERROR_TABLES as Record<string, ErrorTable>).map(([module, table]) =>
    [
      `## ${module}`,
      '',
      '| Code | HTTP | zh-CN | English |',
      '| ---- | ---- | ----- | ------- |',
      ...Object.entries(table).map(
        ([code, e]) => `| \`${code}\` | ${e.status} | ${cell(e.zh)} | ${cell(e.en)} |`,
      ),
      '',
    ].join('\n'),
  );
  return [HEADER, ...sections].join('\n');
}

if (require.main === module) writeFileSync(join(process.cwd(), 'docs', 'errors.md'), renderErrorDocs());
