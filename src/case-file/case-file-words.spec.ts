import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARBITRATION_STATUSES } from '../arbitration/arbitration.constants';
import { ARBITRATION_ACTIONS } from '../arbitration/arbitration.state';
import { COMPLAINT_STATUSES } from '../complaints/complaint.constants';
import {
  CLOSURE_TYPES as INSPECTION_CLOSURE_TYPES,
  INSPECTION_STATUSES,
} from '../inspection/inspection.constants';
import { INSPECTION_ACTIONS } from '../inspection/inspection.state';
import { MEDIATION_STATUSES } from '../mediation/mediation.state';
import {
  appliesDirectlyFromMediation,
  canEscalate,
  nextStep,
  statusLabel,
  type Proceeding,
} from './case-file-words';
import { eventLabel, LABELLED_EVENTS, UNLABELLED_EVENT } from './timeline-words';
import { filesUnder } from '../../test/support/source-files';
import { PROVISIONAL_NOTE, UNSERVED_AWARD_NOTE } from './plain-deadline';

const STATUSES: Record<Proceeding, readonly string[]> = {
  COMPLAINT: COMPLAINT_STATUSES,
  MEDIATION: MEDIATION_STATUSES,
  ARBITRATION: ARBITRATION_STATUSES,
  INSPECTION: INSPECTION_STATUSES,
};

describe('the worker’s case file in words', () => {
  it('a complaint routed to mediation and never opened in its 15 days: the worker may apply for arbitration', () => {
    expect(nextStep('COMPLAINT', 'ROUTED', { mediationNotOpened: true })).toContain(
      '您可以依法申请劳动争议仲裁',
    );
    expect(nextStep('COMPLAINT', 'ROUTED')).toContain('请等待该机构联系您');
    // 调解仲裁法 第五条: a withdrawn mediation leaves arbitration open.
    expect(nextStep('MEDIATION', 'WITHDRAWN')).toContain('您仍可以依法申请劳动争议仲裁');
  });

  it('an open mediation whose period was extended by agreement names its last day, not the 15 days', () => {
    expect(nextStep('MEDIATION', 'OPEN')).toContain('调解期限为15日');
    const extended = nextStep('MEDIATION', 'OPEN', { mediationExtendedTo: '2026-12-30' });
    expect(extended).not.toContain('15日');
    expect(extended).toContain('经双方当事人同意，调解期限已延长至2026-12-30');
    expect(extended).not.toContain('暂定');
    // Counted through a year whose holiday schedule is not loaded: said as the deadline list says it.
    expect(
      nextStep('MEDIATION', 'OPEN', {
        mediationExtendedTo: '2026-12-30',
        mediationExtendedToProvisional: true,
      }),
    ).toContain(`调解期限已延长至2026-12-30（含当日）${PROVISIONAL_NOTE}。`);
  });

  it('a suit deadline that may still move says 暂定 and why: an unloaded year, a document not served yet', () => {
    const award = { closureType: 'AWARD', finalAward: false, suitDeadline: '2027-01-05' };
    expect(nextStep('ARBITRATION', 'CLOSED', award)).not.toContain('暂定');
    expect(nextStep('ARBITRATION', 'CLOSED', { ...award, suitDeadlineProvisional: true })).toContain(
      `最迟于2027-01-05（含当日）${PROVISIONAL_NOTE}向人民法院提起诉讼`,
    );
    expect(nextStep('ARBITRATION', 'CLOSED', { ...award, awardUnserved: true })).toContain(
      `最迟于2027-01-05（含当日）${UNSERVED_AWARD_NOTE}向人民法院提起诉讼`,
    );
    // No document served: no date to mark, the period from receipt is said instead.
    expect(
      nextStep('ARBITRATION', 'CLOSED', { ...award, suitDeadline: null, awardUnserved: true }),
    ).toContain('在收到裁决书之日起15日内');
  });

  it('a collective dispute’s member who does not apply for the group is not told to apply directly (第七条)', () => {
    for (const [proceeding, status, facts] of [
      ['COMPLAINT', 'ROUTED', { mediationNotOpened: true }],
      ['MEDIATION', 'WITHDRAWN', {}],
    ] as const) {
      const member = nextStep(proceeding, status, { ...facts, appliedByRepresentatives: true });
      expect(member).toContain('集体争议推举的代表可以依法申请劳动争议仲裁');
      expect(member).not.toContain('您');
    }
  });

  it.each(INSPECTION_CLOSURE_TYPES.filter((c) => c !== 'MERGED'))(
    'an inspection closed as %s: a collective dispute’s member who does not apply for the group is told its representatives do (第七条)',
    (closure) => {
      const worker = nextStep('INSPECTION', 'CLOSED', { inspectionClosure: closure });
      const member = nextStep('INSPECTION', 'CLOSED', {
        inspectionClosure: closure,
        appliedByRepresentatives: true,
      });
      expect(worker).toMatch(/您[^。；]*可以依法申请[^。；]*仲裁/);
      expect(member).not.toMatch(/您[^。；]*可以依法申请[^。；]*仲裁/);
      expect(member).toContain('集体争议推举的代表');
      // What is not the group's to apply for (行政复议, 行政诉讼 against the brigade's decision) is unchanged.
      if (closure === 'NO_VIOLATION' || closure === 'REVOKED') expect(member).toContain('行政复议');
    },
  );

  it.each(INSPECTION_CLOSURE_TYPES)(
    'an inspection closed as %s says what is left to the worker',
    (closure) => {
      const text = nextStep('INSPECTION', 'CLOSED', { inspectionClosure: closure });
      expect(text).not.toBe(nextStep('INSPECTION', 'CLOSED'));
      // Only a merged case, followed in the other, offers nothing more; a finding of no violation can be contested.
      if (closure !== 'MERGED') expect(text).toContain('仲裁');
      if (closure === 'NO_VIOLATION' || closure === 'REVOKED') expect(text).toContain('行政复议');
    },
  );

  it('an application awaiting 补正 says what to do and by when (办案规则 第二十九条第四款)', () => {
    expect(statusLabel('ARBITRATION', 'CORRECTION_REQUESTED')).toBe('仲裁申请需要补正材料');
    const text = nextStep('ARBITRATION', 'CORRECTION_REQUESTED', { correctionDueOn: '2026-12-22' });
    expect(text).toContain('最迟于2026-12-22（含当日）');
    expect(text).toContain('5个工作日内决定是否受理');
    expect(nextStep('ARBITRATION', 'CORRECTION_REQUESTED')).not.toContain('最迟');
    expect(eventLabel('ARBITRATION_REQUEST_CORRECTION')).toBe('仲裁委员会通知补正仲裁申请材料');
    expect(eventLabel('ARBITRATION_SUPPLY_CORRECTION')).toBe('补正仲裁申请材料');
  });

  it('an inspection merged into another names the case the worker follows (并案)', () => {
    const text = nextStep('INSPECTION', 'CLOSED', {
      inspectionClosure: 'MERGED',
      mergedIntoCaseNo: 'JC-2026-0000002-X',
    });
    expect(text).toContain('并入案号JC-2026-0000002-X的监察案件办理');
  });

  it('a penalty decision says 责令改正 only when an order to rectify is on record, with its deadline', () => {
    const penaltyOnly = nextStep('INSPECTION', 'PENALTY_DECIDED', { rectifyDueOn: null });
    expect(penaltyOnly).toContain('行政处罚决定');
    expect(penaltyOnly).not.toContain('责令');
    expect(nextStep('INSPECTION', 'PENALTY_DECIDED')).not.toContain('责令');
    expect(nextStep('INSPECTION', 'PENALTY_DECIDED', { rectifyDueOn: '2026-12-20' })).toBe(
      '已对用人单位作出行政处罚决定，并已责令其最迟于2026-12-20（含当日）改正。',
    );
  });

  it('a refused inspection names where the worker was told to turn (若干规定 第十八条第四款)', () => {
    expect(nextStep('INSPECTION', 'REFUSED', { refusalReferTo: '闵行区劳动保障监察大队' })).toBe(
      '劳动保障监察机构经审查决定不予立案，理由见通知。请向闵行区劳动保障监察大队投诉或反映。' +
        '如不服，可于收到告知之日起六十日内申请行政复议，或者六个月内向人民法院提起行政诉讼。',
    );
    expect(nextStep('INSPECTION', 'REFUSED')).toBe(
      '劳动保障监察机构经审查决定不予立案，理由见通知。' +
        '如不服，可于收到告知之日起六十日内申请行政复议，或者六个月内向人民法院提起行政诉讼。',
    );
  });

  it('an inspection case not yet opened says the brigade decides 受理 and 立案 (若干规定 第十八条), by when', () => {
    expect(statusLabel('INSPECTION', 'RECEIVED')).toBe('已转交劳动保障监察机构，等待其决定是否受理立案');
    expect(nextStep('INSPECTION', 'RECEIVED', { filingDueOn: '2026-12-14' })).toBe(
      '投诉已转交劳动保障监察机构，由其依法决定是否受理立案。依法应自收到投诉之日起5个工作日内作出决定，最迟于2026-12-14（含当日）；立案后一般在60个工作日内调查完毕。',
    );
    expect(
      nextStep('INSPECTION', 'RECEIVED', { filingDueOn: '2027-01-08', filingDueOnProvisional: true }),
    ).toContain(`2027-01-08（含当日）${PROVISIONAL_NOTE}`);
    expect(nextStep('INSPECTION', 'RECEIVED')).not.toContain('最迟');
  });

  it('the intake passing a complaint claims no body’s 受理 or 立案: the body it goes to decides (as the SMS says)', () => {
    // 若干规定 第十八条 (inspection: 受理 and 立案 one decision of the brigade); 调解仲裁法 第二十九条 (the commission's 受理).
    expect(statusLabel('COMPLAINT', 'ACCEPTED')).toBe('已通过初步审查，待转交办理机构');
    expect(nextStep('COMPLAINT', 'ACCEPTED')).toBe(
      '投诉已通过初步审查，将转交有管辖权的调解组织、劳动争议仲裁委员会或劳动保障监察机构，由该机构依法决定是否受理并告知您。',
    );
    expect(eventLabel('ACCEPTED')).toBe('投诉通过初步审查');
    for (const words of [
      statusLabel('COMPLAINT', 'ACCEPTED'),
      nextStep('COMPLAINT', 'ACCEPTED'),
      eventLabel('ACCEPTED'),
      statusLabel('INSPECTION', 'RECEIVED'),
      nextStep('INSPECTION', 'RECEIVED', { filingDueOn: '2026-12-14' }),
    ])
      expect(words).not.toMatch(/已受理|投诉受理/);
  });

  it.each(Object.entries(STATUSES))('every %s status has a label and a next step', (proceeding, statuses) => {
    for (const s of statuses) {
      expect(statusLabel(proceeding as Proceeding, s)).not.toBe(s);
      expect(nextStep(proceeding as Proceeding, s)).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('labels every arbitration and inspection action as it is recorded (<PROCEEDING>_<ACTION>)', () => {
    for (const a of ARBITRATION_ACTIONS) expect(eventLabel(`ARBITRATION_${a}`)).not.toBe(UNLABELLED_EVENT);
    for (const a of INSPECTION_ACTIONS) expect(eventLabel(`INSPECTION_${a}`)).not.toBe(UNLABELLED_EVENT);
    for (const s of MEDIATION_STATUSES.filter((x) => x !== 'OPEN'))
      expect(eventLabel(`MEDIATION_${s}`)).not.toBe(UNLABELLED_EVENT);
  });

  it('labels every event name written literally to a case timeline in src/', () => {
    // Literal event names passed to the proceedings' timeline writers (audit.append, writer.event, record).
    const written = new Set<string>();
    // The register's employer events too (reference/: a name or number confirmed by staff).
    const domains = ['complaints', 'mediation', 'arbitration', 'inspection', 'escalation', 'reference'];
    for (const file of domains.flatMap((d) => filesUnder(join(__dirname, '..', d)))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(
        /(?:writer\.event|p\.record|this\.record)\(\s*em,[^'`;{]*?'([A-Z][A-Z_]+)'/g,
      ))
        written.add(m[1]);
      for (const m of text.matchAll(/audit\.append\(em, \{[^}]*?action: '([A-Z][A-Z_]+)'/g))
        written.add(m[1]);
    }
    expect(written.size).toBeGreaterThan(8);
    const missing = [...written].filter((a) => !LABELLED_EVENTS.includes(a));
    expect(missing).toEqual([]);
  });

  it('the receipt is not the acceptance: the worker is told the complaint was received (收件), not accepted (受理)', () => {
    expect(eventLabel('ACKNOWLEDGED')).toBe('发送收件回执');
    // Nor is the intake's review the body's 受理 (若干规定 第十八条; 调解仲裁法 第二十九条): it passed 初步审查.
    expect(eventLabel('ACCEPTED')).toBe('投诉通过初步审查');
  });

  it('an unknown event or status falls back instead of failing', () => {
    expect(eventLabel('SOMETHING_NEW')).toBe(UNLABELLED_EVENT);
    expect(statusLabel('MEDIATION', 'NEW_STATUS')).toBe('NEW_STATUS');
    expect(nextStep('ARBITRATION', 'NEW_STATUS')).toMatch(/通知/);
  });

  it('after an award: the suit deadline in the text, final or not; a mediated close has no deadline', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.date({ min: new Date('2026-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        (finalAward, d) => {
          const suitDeadline = d.toISOString().slice(0, 10);
          const text = nextStep('ARBITRATION', 'CLOSED', { closureType: 'AWARD', finalAward, suitDeadline });
          expect(text).toContain(`最迟于${suitDeadline}（含当日）向人民法院提起诉讼`);
          expect(text.includes('终局裁决')).toBe(finalAward);
        },
      ),
    );
    expect(nextStep('ARBITRATION', 'CLOSED', { closureType: 'MEDIATED' })).not.toMatch(/诉讼/);
  });

  it('an open application whose source agreement was paid since: the worker may withdraw if fully paid (第四十一条)', () => {
    const one = [{ amountFen: 1_380_000, paidOn: '2026-12-08' }];
    expect(nextStep('ARBITRATION', 'TRIBUNAL_FORMED', { sourceAgreementPayments: one })).toBe(
      '仲裁庭已组成，请等待开庭通知。用人单位已于2026-12-08按调解协议支付13800.00元，仲裁委员会已获告知；如您的请求已全部得到支付，您可以向仲裁委员会申请撤回仲裁申请。',
    );
    const two = [...one, { amountFen: 5, paidOn: '2026-12-09' }];
    expect(nextStep('ARBITRATION', 'APPLIED', { sourceAgreementPayments: two })).toContain(
      '用人单位已按调解协议支付13800.05元（最近一笔于2026-12-09）',
    );
    // A closed case says nothing of it: the award or closure speaks.
    expect(
      nextStep('ARBITRATION', 'CLOSED', { closureType: 'WITHDRAWN', sourceAgreementPayments: one }),
    ).toBe('仲裁案件已结案。');
  });

  it('a scheduled hearing: attend it, or postpone 3 working days before (办案规则 第八十条); once held, the award', () => {
    expect(nextStep('ARBITRATION', 'HEARING_SCHEDULED', { hearingAhead: true })).toContain(
      '3个工作日前申请延期',
    );
    const held = nextStep('ARBITRATION', 'HEARING_SCHEDULED', { hearingAhead: false });
    expect(held).toContain('等待仲裁庭作出裁决');
    expect(held).not.toMatch(/到庭|延期/);
  });

  it('one-tap escalation only after failure, expiry or a defaulted agreement (调解仲裁法 第十四条、第十五条)', () => {
    expect(canEscalate('FAILED', null)).toBe(true);
    expect(canEscalate('EXPIRED', null)).toBe(true);
    expect(canEscalate('AGREEMENT', 'DEFAULTED')).toBe(true);
    expect(canEscalate('AGREEMENT', 'PERFORMING')).toBe(false);
    expect(canEscalate('OPEN', null)).toBe(false);
    expect(nextStep('MEDIATION', 'AGREEMENT', { agreementStatus: 'DEFAULTED' })).toMatch(/仲裁/);
  });

  it('applies directly from a mediation still open (which the application ends) or withdrawn; never beside an agreement, nor where the escalation is the way (调解仲裁法 第五条)', () => {
    expect(appliesDirectlyFromMediation('OPEN', null)).toBe(true);
    expect(appliesDirectlyFromMediation('WITHDRAWN', null)).toBe(true);
    for (const agreement of ['PERFORMING', 'DEFAULTED', 'PERFORMED'] as const)
      expect(appliesDirectlyFromMediation('AGREEMENT', agreement)).toBe(false);
    expect(appliesDirectlyFromMediation('FAILED', null)).toBe(false);
    expect(appliesDirectlyFromMediation('EXPIRED', null)).toBe(false);
    // Never both a one-tap escalation and a direct application.
    for (const status of MEDIATION_STATUSES)
      for (const agreement of [null, 'PERFORMING', 'DEFAULTED', 'PERFORMED'] as const)
        expect(canEscalate(status, agreement) && appliesDirectlyFromMediation(status, agreement)).toBe(false);
  });

  it('an open mediation tells the worker they may apply for arbitration instead, and that applying ends the mediation', () => {
    for (const extended of [null, '2026-12-30']) {
      const own = nextStep('MEDIATION', 'OPEN', { mediationExtendedTo: extended });
      expect(own).toContain('如您不愿继续调解，可以直接申请劳动争议仲裁；申请后，本次调解即结束。');
      const member = nextStep('MEDIATION', 'OPEN', {
        mediationExtendedTo: extended,
        appliedByRepresentatives: true,
      });
      expect(member).toContain('集体争议推举的代表可以直接申请劳动争议仲裁；申请后，本次调解即结束。');
      expect(member).not.toContain('您不愿');
    }
  });

  it('a collective dispute’s member who does not apply for the group is told its representatives do (第七条)', () => {
    for (const [status, agreementStatus] of [
      ['FAILED', null],
      ['EXPIRED', null],
      ['AGREEMENT', 'DEFAULTED'],
    ] as const) {
      expect(nextStep('MEDIATION', status, { agreementStatus })).toContain('您可以一键申请劳动争议仲裁');
      const member = nextStep('MEDIATION', status, { agreementStatus, appliedByRepresentatives: true });
      expect(member).toContain('集体争议推举的代表可以一键申请劳动争议仲裁');
      expect(member).not.toContain('您可以一键');
    }
  });

  it('an agreement still performed: a collective dispute’s member who does not apply for the group is told who applies if it is not paid', () => {
    expect(nextStep('MEDIATION', 'AGREEMENT', { agreementStatus: 'PERFORMING' })).toBe(
      '请按调解协议的付款日期留意用人单位付款；逾期未付可以申请仲裁。',
    );
    expect(
      nextStep('MEDIATION', 'AGREEMENT', { agreementStatus: 'PERFORMING', appliedByRepresentatives: true }),
    ).toBe('请按调解协议的付款日期留意用人单位付款；逾期未付的，集体争议推举的代表可以申请仲裁。');
  });
});
