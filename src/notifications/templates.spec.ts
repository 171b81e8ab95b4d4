import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataArgsStorage } from 'typeorm';
import { Notification } from './entities/notification.entity';
import { renderTemplate, SMS_TEMPLATE_IDS, TEMPLATES, type TemplateId, type TemplateVar } from './templates';

/** A plausible value of each kind of variable. */
function sample(kind: TemplateVar): string {
  if (typeof kind === 'object') return Object.keys(kind.labels)[0];
  switch (kind) {
    case 'text':
      return 'TS-2026-0000001-9';
    case 'excerpt':
      return '理'.repeat(1000); // as long as a reason may be: cut, the SMS stays within its segments
    case 'code':
      return '042137';
    case 'int':
      return '2';
    case 'date':
      return '2026-12-03';
    case 'datetime':
      return '2026-12-03T01:30:00.000Z';
    case 'fen':
      return '1250001';
  }
}

const IDS = Object.keys(TEMPLATES) as TemplateId[];

describe('message template catalogue', () => {
  it.each(IDS)('%s renders with every variable filled in', (id) => {
    const def = TEMPLATES[id];
    const values = Object.fromEntries(Object.entries(def.vars).map(([n, k]) => [n, sample(k)]));
    const m = renderTemplate(id, values);
    expect(m.text).not.toMatch(/[{}]/);
    expect(m.text.length).toBeGreaterThan(0);
    // An SMS of at most 3 segments (67 characters each when it holds Chinese), signature included.
    if (def.channel === 'SMS') expect(m.text.length).toBeLessThanOrEqual(3 * 67 - 10);
    // Every placeholder of the text is a declared variable and every declared variable appears in the text.
    const placeholders = [...def.text.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
    expect(placeholders).toEqual(Object.keys(def.vars).sort());
    expect(m.ordered).toEqual(Object.keys(def.vars).map((n) => m.params[n]));
  });

  it('writes each kind of variable as a reader expects it', () => {
    const hearing = renderTemplate('ARBITRATION_HEARING_SCHEDULED', {
      caseNo: '浦劳人仲〔2026〕第1号',
      trackingNo: 'TS-2026-0000001-9',
      startsAt: '2026-12-03T01:30:00.000Z',
      room: '第一仲裁庭',
    });
    // The commission's case number (the worker's written notices carry it) and the tracking number (我的案件).
    expect(hearing.text).toBe(
      '您的仲裁案件（案号浦劳人仲〔2026〕第1号，投诉编号TS-2026-0000001-9）定于2026-12-03 09:30在第一仲裁庭开庭，请准时到庭。开庭时间、地点以仲裁委员会书面开庭通知为准。',
    );
    expect(hearing.ordered).toEqual([
      '浦劳人仲〔2026〕第1号',
      'TS-2026-0000001-9',
      '2026-12-03 09:30',
      '第一仲裁庭',
    ]);
    expect(
      renderTemplate('ARBITRATION_MEDIATED', {
        caseNo: 'c',
        trackingNo: 'x',
        signedOn: '2026-12-03',
        totalFen: '1250001',
      }).params.totalFen,
    ).toBe('12500.01元');
    expect(
      renderTemplate('INSPECTION_CLOSED', { caseNo: 'x', closureType: 'RECTIFIED' }).params.closureType,
    ).toBe('用人单位已改正');
  });

  it('the worker’s text of an accepted arbitration case names its case number, and the caveat the employer’s has', () => {
    // Told after acceptance, when the commission has numbered the case (arbitration.service.ts accept).
    const afterAcceptance: TemplateId[] = [
      'ARBITRATION_ACCEPTED',
      'ARBITRATION_TRIBUNAL_FORMED',
      'ARBITRATION_TRIBUNAL_CHANGED',
      'ARBITRATION_RECUSAL_DECIDED',
      'ARBITRATION_HEARING_SCHEDULED',
      'ARBITRATION_HEARING_POSTPONED',
      'ARBITRATION_AWARD_ISSUED',
      'ARBITRATION_FINAL_AWARD_ISSUED',
      'ARBITRATION_PERIOD_EXTENDED',
      'ARBITRATION_PERIOD_PAUSED',
      'ARBITRATION_PERIOD_RESUMED',
      'ARBITRATION_CLAIMS_CHANGED',
      'ARBITRATION_PROVISIONAL_EXECUTION',
      'ARBITRATION_PROVISIONAL_EXECUTION_GROUP',
      'ARBITRATION_MEDIATED',
      'ARBITRATION_MEDIATED_GROUP',
    ];
    for (const id of afterAcceptance) {
      expect([id, TEMPLATES[id].text]).toEqual([id, expect.stringContaining('案号{caseNo}')]);
      expect([id, TEMPLATES[id].text]).toEqual([id, expect.stringContaining('{trackingNo}')]);
    }
    for (const id of IDS.filter((x) => x.startsWith('ARBITRATION_') && x.endsWith('_EMPLOYER'))) {
      const caveat = /以仲裁委员会书面[^。]*通知为准。/.exec(TEMPLATES[id].text)?.[0];
      const worker = id.replace(/_EMPLOYER$/, '') as TemplateId;
      if (caveat) expect([worker, TEMPLATES[worker].text]).toEqual([worker, expect.stringContaining(caveat)]);
    }
  });

  it('the intake’s acceptance claims no body’s 受理 or 立案 (若干规定 第十八条; 调解仲裁法 第二十九条): the body decides', () => {
    const text = renderTemplate('COMPLAINT_ACCEPTED', { trackingNo: 'T' }).text;
    expect(text).not.toMatch(/已受理|已立案/);
    expect(text).toContain('由该机构依法决定是否受理');
  });

  it('refuses a missing variable or a malformed one, and ignores undeclared ones', () => {
    expect(() => renderTemplate('COMPLAINT_RECEIVED', {})).toThrow(/trackingNo/);
    expect(() =>
      renderTemplate('ARBITRATION_MEDIATED', {
        caseNo: 'c',
        trackingNo: 'x',
        signedOn: '2026-12-03',
        totalFen: '12.5',
      }),
    ).toThrow(/fen/);
    expect(() =>
      renderTemplate('MEDIATION_SESSION_SCHEDULED', { trackingNo: 'x', startsAt: 'soon', place: 'y' }),
    ).toThrow(/instant/);
    expect(renderTemplate('COMPLAINT_RECEIVED', { trackingNo: 'T', caseNo: 'C' }).params).toEqual({
      trackingNo: 'T',
    });
    expect(() => renderTemplate('toString' as TemplateId, {})).toThrow(/unknown/);
  });

  it('an excerpt keeps up to 60 characters, a longer text its first 59 and an ellipsis', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (reason) => {
        const { params } = renderTemplate('ARBITRATION_NOT_ACCEPTED', { trackingNo: 'T', reason });
        const chars = [...reason];
        expect(params.reason).toBe(chars.length <= 60 ? reason : `${chars.slice(0, 59).join('')}…`);
      }),
    );
  });

  it('a value is written as given, never re-read as a placeholder', () => {
    fc.assert(
      fc.property(fc.string(), (reason) => {
        const m = renderTemplate('INSPECTION_REFUSED', { trackingNo: 'T', reason, referral: '' });
        expect(m.text).toBe(
          `您的投诉（编号T）经审查不予立案。理由：${reason}。如不服，可于收到告知之日起六十日内申请行政复议，或者六个月内向人民法院提起行政诉讼。`,
        );
      }),
    );
  });

  it('docs/messages.md names every SMS template with a free-text variable (the provider must lift its 35-character limit)', () => {
    // Numbers the platform formats (tracking, case — a merge's surviving case too — and inspection document numbers:
    // under 35 characters).
    const identifiers = new Set(['trackingNo', 'caseNo', 'docNo', 'mergedIntoCaseNo']);
    const freeText = SMS_TEMPLATE_IDS.filter((id) =>
      Object.entries(TEMPLATES[id].vars as Record<string, TemplateVar>).some(
        ([name, kind]) => (kind === 'text' && !identifiers.has(name)) || kind === 'excerpt',
      ),
    );
    const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'messages.md'), 'utf8');
    const section =
      /<!-- long-variable-templates -->([\s\S]*?)<!-- \/long-variable-templates -->/.exec(doc)?.[1] ?? '';
    const listed = [...section.matchAll(/`([A-Z_]+)`/g)].map((m) => m[1]);
    expect(freeText).toContain('COMPLAINT_REJECTED');
    expect([...listed].sort()).toEqual([...freeText].sort());
  });

  it('every template id fits the column a delivery records it in (notifications.template)', () => {
    const column = getMetadataArgsStorage().columns.find(
      (c) => c.target === Notification && c.propertyName === 'template',
    );
    expect(column?.options.length).toEqual(expect.any(Number));
    expect(IDS.filter((id) => id.length > Number(column!.options.length))).toEqual([]);
  });

  it('lists the SMS templates (the provider template-id map must name them all)', () => {
    expect(SMS_TEMPLATE_IDS).toContain('OTP_SIGN_IN');
    expect(SMS_TEMPLATE_IDS).not.toContain('RISK_RED_UNACKNOWLEDGED');
    expect(SMS_TEMPLATE_IDS).not.toContain('REPORT_RECEIVED');
  });
});
