import { changedFields, reasonProblems } from './identity-correction.rules';

describe('identity correction rules', () => {
  it('a reason holding an ID number (15 or 18 digits, spaced or not) is refused on the field; words pass', () => {
    for (const reason of ['原号码11010519491231002X误填', '110105 19491231 002X', '旧号码110105491231002'])
      expect(reasonProblems(reason).map((e) => [e.field, e.constraint])).toEqual([['reason', 'noIdNumber']]);
    for (const reason of ['登记时身份证号码末四位误填，已核验身份证原件', '电话13800000000核实'])
      expect(reasonProblems(reason)).toEqual([]);
  });

  it('names the fields that change, none when the identity given is the one recorded', () => {
    const recorded = { realName: '张三', idNumber: '11010519491231002X' };
    expect(changedFields(recorded, recorded)).toEqual([]);
    expect(changedFields(recorded, { ...recorded, realName: '张山' })).toEqual(['REAL_NAME']);
    expect(changedFields(recorded, { realName: '张山', idNumber: '110105194912310037' })).toEqual([
      'REAL_NAME',
      'ID_NUMBER',
    ]);
  });
});
