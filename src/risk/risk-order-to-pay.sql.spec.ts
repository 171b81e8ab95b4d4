import { ORDER_TO_PAY_STAGES } from '../inspection/wage-crime.rules';
import { crimeCaseCtes } from './risk-crime-cases.sql';
import { crimeFindingCtes } from './risk-crime-findings.sql';
import { orderToPayStageSql, paidByOrderSql } from './risk-order-to-pay.sql';

/**
 * The SQL form of orderToPayStage is checked against the function itself on PostgreSQL (fast-check, e2e
 * risk-recovered-arrears); here, that the names it gives and the names the CTEs filter on are orderToPayStage's: a
 * misspelt stage would silently count nothing.
 */
const literals = (sql: string) => [...sql.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]);

describe('orderToPayStageSql and the CTEs that read it', () => {
  const stage = orderToPayStageSql({ refused: 'x.r', dueOn: 'x.d', asOf: 'x.a', unpaid: 'x.u' });

  it('gives each of the four stages, and nothing else', () => {
    expect([...new Set(literals(stage))].sort()).toEqual([...ORDER_TO_PAY_STAGES].sort());
  });

  it('the case and finding CTEs filter on those stages only', () => {
    for (const ctes of [crimeCaseCtes('lo', 'hi'), crimeFindingCtes('lo', 'hi')]) {
      const named = ctes.flatMap((c) => [...c.matchAll(/stage (?:=|IN) \(?'([A-Z_]+)'/g)].map((m) => m[1]));
      expect(named.length).toBeGreaterThan(0);
      for (const n of named) expect(ORDER_TO_PAY_STAGES).toContain(n);
    }
  });

  it('counts a payment by the order’s last day, or by the scoring date while it runs or with no order', () => {
    expect(paidByOrderSql('r.paid_on', 't.as_of', 'x.due')).toBe(
      'r.paid_on <= LEAST(t.as_of, COALESCE(x.due, t.as_of))',
    );
  });
});
