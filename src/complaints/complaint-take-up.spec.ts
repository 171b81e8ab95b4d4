import { inChargeOf } from './complaint-take-up';

describe('inChargeOf', () => {
  const base = { workplaceStreetCode: '310115005', routeTarget: null, routeOrganisationId: null } as const;

  it("an undecided complaint is the street's to decide", () => {
    expect(inChargeOf({ ...base, status: 'SUBMITTED' })).toEqual({ kind: 'STREET', streetCode: '310115005' });
  });

  it("a routed complaint is its body's: street staff for a committee or brigade, the whole commission", () => {
    const routed = { ...base, status: 'ROUTED' as const, routeOrganisationId: 'org' };
    expect(inChargeOf({ ...routed, routeTarget: 'INSPECTION' })).toEqual({
      kind: 'BODY',
      role: 'INSPECTOR',
      organisationId: 'org',
      streetCode: '310115005',
    });
    expect(inChargeOf({ ...routed, routeTarget: 'MEDIATION' })).toMatchObject({ role: 'MEDIATOR' });
    expect(inChargeOf({ ...routed, routeTarget: 'ARBITRATION' })).toMatchObject({
      role: 'ARBITRATOR',
      streetCode: null,
    });
  });

  it('nobody is reminded of a complaint asked to be completed, or closed', () => {
    for (const status of ['CORRECTION_REQUESTED', 'ACCEPTED', 'REJECTED', 'WITHDRAWN'] as const)
      expect(inChargeOf({ ...base, status })).toBeNull();
  });
});
