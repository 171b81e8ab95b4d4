import fc from 'fast-check';
import { resolveComplainant, sameComplainant, type Filer } from './complainant.rules';

const ID = '11010519491231002X';
const worker: Filer = { kind: 'WORKER', userId: 'w1', phone: '13800000000', identity: null };
const verifiedWorker: Filer = { ...worker, identity: { realName: '张三', idNumber: ID } };
const staff: Filer = { kind: 'STAFF', userId: 's1', phone: null, identity: null };

const fields = (r: ReturnType<typeof resolveComplainant>) => (r.ok ? [] : r.errors.map((e) => e.field));

describe('resolveComplainant', () => {
  it('a worker with a recorded identity is the complainant by default, verified, on their own phone', () => {
    expect(resolveComplainant(verifiedWorker, { channel: 'MOBILE' })).toEqual({
      ok: true,
      value: {
        complainantUserId: 'w1',
        name: '张三',
        idNumber: ID,
        phone: '13800000000',
        verified: true,
        onBehalfRelationship: null,
        filedByUserId: 'w1',
      },
    });
  });

  it('a worker may not name a third party’s phone, nor another identity than the recorded one', () => {
    expect(
      fields(resolveComplainant(worker, { channel: 'WEB', complainant: { phone: '13900000001' } })),
    ).toEqual(['complainant.phone']);
    expect(
      fields(
        resolveComplainant(verifiedWorker, {
          channel: 'WEB',
          complainant: { name: '李四', idNumber: '110105194912310021' },
        }),
      ),
    ).toEqual(['complainant.idNumber', 'complainant.name']);
  });

  it('a worker without a recorded identity names one, and still only their own phone', () => {
    const r = resolveComplainant(worker, { channel: 'WEB', complainant: { name: '张三', idNumber: ID } });
    expect(r).toMatchObject({ ok: true, value: { idNumber: ID, phone: '13800000000', verified: true } });
  });

  it('onBehalfOf is recorded, unverified, still followed by the filer, and excludes complainant', () => {
    const onBehalfOf = {
      name: '张大山',
      idNumber: ID,
      phone: '13900000001',
      relationship: 'FAMILY' as const,
    };
    expect(resolveComplainant(verifiedWorker, { channel: 'MOBILE', onBehalfOf })).toMatchObject({
      ok: true,
      value: {
        complainantUserId: 'w1',
        name: '张大山',
        phone: '13900000001',
        verified: false,
        onBehalfRelationship: 'FAMILY',
      },
    });
    expect(fields(resolveComplainant(worker, { channel: 'MOBILE', onBehalfOf, complainant: {} }))).toEqual([
      'complainant',
    ]);
  });

  it('workers do not use the staff channels; staff use only those and name the complainant', () => {
    expect(fields(resolveComplainant(worker, { channel: 'WALK_IN' }))).toEqual(['channel']);
    expect(fields(resolveComplainant(staff, { channel: 'WEB' }))).toEqual(['channel', 'complainant']);
    const person = { name: '张三', idNumber: ID, phone: '13800000000' };
    expect(resolveComplainant(staff, { channel: 'HOTLINE_12333', complainant: person })).toMatchObject({
      ok: true,
      value: { complainantUserId: null, verified: true, filedByUserId: 's1', phone: '13800000000' },
    });
    // The phone belongs to a worker whose recorded ID number matches: linked to that account and verified.
    expect(
      resolveComplainant(staff, { channel: 'WALK_IN', complainant: person }, verifiedWorker),
    ).toMatchObject({ ok: true, value: { complainantUserId: 'w1', verified: true } });
    // The same phone with another ID number is not linked.
    expect(
      resolveComplainant(
        staff,
        { channel: 'WALK_IN', complainant: { ...person, idNumber: '110105194912310021' } },
        verifiedWorker,
      ),
    ).toMatchObject({ ok: true, value: { complainantUserId: null, verified: true } });
  });

  it('whatever a worker sends, the complaint never carries another phone than theirs unless onBehalfOf', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            name: fc.string({ maxLength: 4 }),
            idNumber: fc.constantFrom(ID, '110105194912310021'),
            phone: fc.constantFrom('13800000000', '13900000001'),
          },
          { requiredKeys: [] },
        ),
        fc.constantFrom<('WEB' | 'MOBILE')[]>('WEB', 'MOBILE'),
        fc.boolean(),
        (complainant, channel, hasIdentity) => {
          const r = resolveComplainant(hasIdentity ? verifiedWorker : worker, { channel, complainant });
          if (r.ok) {
            expect(r.value.phone).toBe('13800000000');
            expect(r.value.complainantUserId).toBe('w1');
            if (hasIdentity) expect(r.value.idNumber).toBe(ID);
          }
        },
      ),
    );
  });
});

describe('sameComplainant (a duplicate is one person complaining twice)', () => {
  const id = fc.option(fc.constantFrom('a', 'b'), { nil: null });
  const person = fc.record({ complainantUserId: id, complainantIdNumberBidx: id, complainantPhoneBidx: id });
  it('holds iff one identity is known on both sides and equal', () => {
    fc.assert(
      fc.property(person, person, (a, b) => {
        const keys = ['complainantUserId', 'complainantIdNumberBidx', 'complainantPhoneBidx'] as const;
        expect(sameComplainant(a, b)).toBe(keys.some((k) => a[k] !== null && a[k] === b[k]));
        expect(sameComplainant(a, b)).toBe(sameComplainant(b, a));
      }),
    );
    const none = { complainantUserId: null, complainantIdNumberBidx: null, complainantPhoneBidx: null };
    expect(sameComplainant(none, none)).toBe(false);
  });
});
