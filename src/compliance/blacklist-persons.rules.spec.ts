import fc from 'fast-check';
import { idNumberCheckChar } from '../common/validation/id-number';
import {
  personProblems,
  publicIdNumber,
  RESPONSIBLE_ROLES,
  type ResponsiblePerson,
  type ResponsibleRole,
} from './blacklist-persons.rules';

const id = (body17: string) => `${body17}${idNumberCheckChar(body17)}`;
const A = id('11010519491231002');
const B = id('31011519800101123');
const person = (role: ResponsibleRole, idNumber: string, name = '张三'): ResponsiblePerson => ({
  role,
  name,
  idNumber,
});

describe('persons listed with the employer (当事人, 人社部令第45号 第五条)', () => {
  it('a listing names the 法定代表人 or the 主要负责人', () => {
    expect(personProblems([person('LEGAL_REPRESENTATIVE', A)])).toEqual([]);
    expect(personProblems([person('PRINCIPAL', A), person('OTHER_RESPONSIBLE', B)])).toEqual([]);
    expect(personProblems([person('DIRECTLY_RESPONSIBLE', A), person('OTHER_RESPONSIBLE', B)])).toEqual([
      expect.objectContaining({ field: 'responsiblePersons', constraint: 'headRequired' }),
    ]);
  });

  it('one entry per ID number, whatever its case or spaces; the repeat is the field in error', () => {
    const lower = `${A.slice(0, 17)} ${A[17].toLowerCase()}`;
    expect(
      personProblems([
        person('LEGAL_REPRESENTATIVE', A),
        person('DIRECTLY_RESPONSIBLE', B),
        person('PRINCIPAL', lower),
      ]),
    ).toEqual([
      expect.objectContaining({ field: 'responsiblePersons.2.idNumber', constraint: 'duplicateIdNumber' }),
    ]);
  });

  it('both problems are reported together', () => {
    expect(
      personProblems([person('OTHER_RESPONSIBLE', A), person('OTHER_RESPONSIBLE', A)]).map(
        (p) => p.constraint,
      ),
    ).toEqual(['headRequired', 'duplicateIdNumber']);
  });

  it('property: no problem exactly when a head is named and the ID numbers are distinct', () => {
    const arb = fc.array(
      fc.record({
        role: fc.constantFrom(...RESPONSIBLE_ROLES),
        name: fc.constant('李四'),
        idNumber: fc.constantFrom(A, B, id('44030419900307001')),
      }),
      { minLength: 1, maxLength: 5 },
    );
    fc.assert(
      fc.property(arb, (persons) => {
        const head = persons.some((p) => p.role === 'LEGAL_REPRESENTATIVE' || p.role === 'PRINCIPAL');
        const distinct = new Set(persons.map((p) => p.idNumber)).size === persons.length;
        expect(personProblems(persons).length === 0).toBe(head && distinct);
      }),
    );
  });

  it('the public list shows the ID number’s last 4 characters only', () => {
    expect(publicIdNumber('11010519491231002X')).toBe('**************002X');
    expect(publicIdNumber('11010519491231002X')).toHaveLength(18);
  });
});
