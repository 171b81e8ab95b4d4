import fc from 'fast-check';
import { addDays } from '../calendar/local-date';
import { noticeRefusal } from './blacklist.rules';
import { personNoticeRefusal, type NoticedPerson } from './blacklist-persons.rules';

const DUE = '2026-10-12';
const notice = (...persons: NoticedPerson[]) => ({ statementDueOn: DUE, persons });
const silent = (key: string): NoticedPerson => ({ key, statementOn: null });
const stated = (key: string, on: string): NoticedPerson => ({ key, statementOn: on });

describe('personNoticeRefusal: each person listed was told and heard (人社部令第45号 第五条 当事人; 告知、陈述申辩)', () => {
  it('a person the notice did not name is refused, by position; a notice naming nobody (older ones) names no one', () => {
    expect(personNoticeRefusal(notice(silent('a')), ['a', 'b', 'c'], '2026-10-13')).toEqual(
      expect.objectContaining({ code: 'LISTING_PERSON_NOT_NOTICED', responsiblePersons: [1, 2] }),
    );
    expect(personNoticeRefusal(notice(), ['a'], '2026-10-13')).toEqual(
      expect.objectContaining({ code: 'LISTING_PERSON_NOT_NOTICED', responsiblePersons: [0] }),
    );
    expect(personNoticeRefusal(null, ['a', 'b'], '2026-10-13')).toEqual(
      expect.objectContaining({ code: 'LISTING_PERSON_NOT_NOTICED', responsiblePersons: [0, 1] }),
    );
  });

  it('within the period, a person who has not stated holds the listing; after it, nobody does', () => {
    const n = notice(stated('a', '2026-10-08'), silent('b'));
    expect(personNoticeRefusal(n, ['a', 'b'], DUE)).toEqual({
      code: 'STATEMENT_PERIOD_RUNNING',
      message: expect.any(String),
      statementDueOn: DUE,
      responsiblePersons: [1],
    });
    expect(personNoticeRefusal(n, ['a'], '2026-10-08')).toBeNull();
    expect(personNoticeRefusal(n, ['a', 'b'], '2026-10-13')).toBeNull();
    // A person named on the notice need not be listed.
    expect(personNoticeRefusal(n, [], '2026-10-01')).toBeNull();
  });

  it('the listing is not decided before a statement it considers', () => {
    const n = notice(stated('a', '2026-10-09'), stated('b', '2026-10-10'));
    expect(personNoticeRefusal(n, ['a', 'b'], '2026-10-09')).toEqual(
      expect.objectContaining({
        code: 'LISTING_BEFORE_STATEMENT',
        statementOn: '2026-10-10',
        responsiblePersons: [1],
      }),
    );
    expect(personNoticeRefusal(n, ['a', 'b'], '2026-10-10')).toBeNull();
  });

  it('a person’s late statement (after the period) does not hold a listing decided after the period', () => {
    const n = notice(stated('a', '2026-10-08'), stated('b', '2026-10-15'));
    expect(personNoticeRefusal(n, ['a', 'b'], '2026-10-13')).toBeNull();
    expect(personNoticeRefusal(n, ['a', 'b'], DUE)).toEqual(
      expect.objectContaining({ code: 'STATEMENT_PERIOD_RUNNING', responsiblePersons: [1] }),
    );
  });

  it('property: a lone person is refused exactly when the employer would be, on the same dates (mirrors noticeRefusal)', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: -5, max: 20 }), { nil: null }),
        fc.integer({ min: -5, max: 12 }),
        (s, l) => {
          const noticedOn = '2026-10-01';
          const statementOn = s === null ? null : addDays(noticedOn, s);
          const listedOn = addDays(noticedOn, l);
          const employer = noticeRefusal({ noticedOn, statementDueOn: DUE, statementOn }, listedOn);
          const person = personNoticeRefusal(notice({ key: 'a', statementOn }), ['a'], listedOn);
          expect(person?.code ?? null).toBe(employer?.code ?? null);
        },
      ),
    );
  });

  it('property: refused positions are exactly the listed keys the notice does not name', () => {
    const key = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    fc.assert(
      fc.property(fc.uniqueArray(key), fc.uniqueArray(key), (named, listed) => {
        const r = personNoticeRefusal(notice(...named.map(silent)), listed, '2026-10-13');
        const missing = listed.flatMap((k, i) => (named.includes(k) ? [] : [i]));
        expect(r?.responsiblePersons ?? []).toEqual(missing);
      }),
    );
  });
});
