import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import { filesUnder } from '../test/support/source-files';

/**
 * Issue 19 (6): every field error answers in zh-CN by default and in English for `Accept-Language: en`. The
 * validation pipe localizes class-validator's; everything else builds its field errors with `fieldError(field,
 * constraint, zh, en)` (common/errors/app-exception.ts). A field error written as an object literal (`{ field,
 * message }`) has one language only, so no source file may hold one.
 */
const SRC = __dirname;

const nameOf = (p: ts.ObjectLiteralElementLike): string | undefined =>
  (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) &&
  (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))
    ? p.name.text
    : undefined;

/** Object literals with both `field` and `message` in a source text, as `line: text`. */
export function literalFieldErrors(fileName: string, text: string): string[] {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const names = new Set(node.properties.map(nameOf));
      // (An OpenAPI schema's `properties: { field: {…}, message: {…} }` describes the shape; it is no error.)
      const message = node.properties.find((p) => nameOf(p) === 'message');
      const schema =
        message && ts.isPropertyAssignment(message) && ts.isObjectLiteralExpression(message.initializer);
      if (names.has('field') && message && !schema) {
        const { line } = file.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${line + 1}: ${node.getText().replace(/\s+/g, ' ').slice(0, 100)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('field errors in both languages', () => {
  it('finds a field error written as an object literal, in any of its forms', () => {
    const text = [
      "throw AppException.validation([{ field: 'noticedOn', message: 'noticedOn must not be in the future' }]);",
      "errors.push({ field, message: 'is wrong' });",
      "errors.map((message) => ({ field: 'claims', message }));",
      "problems.push({ line, 'field': 'username', message: `repeats line ${earlier}` });",
      "throw AppException.validation([fieldError('on', 'notInFuture', 'on 不能晚于今天', 'on must not be in the future')]);",
      "const m = { message: 'a log line', code: 'X' };",
    ].join('\n');
    expect(literalFieldErrors('x.ts', text).map((f) => f.split(':')[0])).toEqual(['1', '2', '3', '4']);
  });

  it('no source file builds a field error without its zh-CN and English messages', () => {
    // Specs aside: they quote field errors to compare.
    const files = filesUnder(SRC);
    expect(files).toContain(join(SRC, 'compliance', 'blacklist.service.ts'));
    const offenders = files.flatMap((file) =>
      literalFieldErrors(file, readFileSync(file, 'utf8')).map((f) => `${relative(SRC, file)}:${f}`),
    );
    expect(offenders).toEqual([]);
  });
});
