import { plainDeadline } from './plain-deadline';

const rule = {
  id: 'MEDIATION',
  name: { zh: '调解期限', en: 'Mediation period' },
  unit: 'DAY',
  amount: 15,
  maxExtension: 0,
  citation: '',
  holder: 'STAFF' as const,
};

describe('plainDeadline', () => {
  it('says how long is left, in the rule’s unit', () => {
    expect(plainDeadline({ rule, due: '2026-12-10', daysRemaining: 3, state: 'RUNNING' })).toBe(
      '调解期限：2026-12-10到期，还有3天',
    );
    expect(
      plainDeadline({
        rule: { ...rule, unit: 'WORKDAY', name: { zh: '受理期限', en: '' } },
        due: '2026-12-03',
        daysRemaining: 5,
        state: 'RUNNING',
      }),
    ).toBe('受理期限：2026-12-03到期，还有5个工作日');
  });

  it('names today, a breach, a pause and a met deadline', () => {
    expect(plainDeadline({ rule, due: '2026-12-10', daysRemaining: 0, state: 'RUNNING' })).toBe(
      '调解期限：今天（2026-12-10）到期',
    );
    expect(plainDeadline({ rule, due: '2026-12-10', daysRemaining: -2, state: 'BREACHED' })).toContain(
      '已超期',
    );
    expect(plainDeadline({ rule, due: null, daysRemaining: null, state: 'PAUSED' })).toContain('暂停');
    expect(plainDeadline({ rule, due: '2026-12-10', daysRemaining: null, state: 'MET' })).toContain(
      '已在期限内完成',
    );
  });
});
