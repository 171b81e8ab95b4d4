import { kpiTargetsOf } from './kpi-targets';

describe('kpiTargetsOf (which case events need a KPI job)', () => {
  const id = '0193a1f0-0000-7000-8000-0000000000aa';
  const other = '0193a1f0-0000-7000-8000-0000000000bb';

  it('none for a complaint intake event or an employer record', () => {
    expect(kpiTargetsOf({ caseType: 'COMPLAINT', caseId: id, data: { channel: 'WEB' } })).toEqual([]);
    expect(kpiTargetsOf({ caseType: 'EMPLOYER', caseId: id, data: {} })).toEqual([]);
    expect(kpiTargetsOf({ caseType: 'COMPLAINT', caseId: id, data: null })).toEqual([]);
  });

  it('the proceeding named in a complaint event, or the event’s own proceeding, once', () => {
    expect(kpiTargetsOf({ caseType: 'COMPLAINT', caseId: id, data: { arbitrationCaseId: other } })).toEqual([
      { type: 'ARBITRATION', id: other },
    ]);
    expect(kpiTargetsOf({ caseType: 'INSPECTION', caseId: id, data: { inspectionCaseId: id } })).toEqual([
      { type: 'INSPECTION', id },
    ]);
    expect(
      kpiTargetsOf({
        caseType: 'COMPLAINT',
        caseId: id,
        data: { mediationCaseId: id, arbitrationCaseId: 7 },
      }),
    ).toEqual([{ type: 'MEDIATION', id }]);
  });
});
