import { complaintBody, eventually, type TestApp } from './test-app';
import { signInWorker } from './users';

/** A valid 18-digit ID number (GB 11643) for worker i, born 1990-01-01 in 310115. */
export function memberIdNumber(i: number): string {
  const body = `31011519900101${String(100 + i).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, d, k) => acc + Number(d) * weights[k], 0);
  return body + '10X98765432'[sum % 11];
}

/** The phone of the i-th worker of a collective dispute (sign them in with `signInWorker`). */
export function memberPhone(i: number): string {
  return `1350000${String(1000 + i)}`;
}

/**
 * The workers (access tokens, the i-th signed in with memberPhone(i)) each file their own complaint against one
 * employer — a collective dispute's members (调解仲裁法 第七条) — with `body(i)` merged in (category, amount...).
 * Throws unless each filing is 201; returns the complaints' ids and tracking numbers, in order, and the employer's id.
 */
export async function fileMembers(
  t: TestApp,
  tokens: readonly string[],
  employerName: string,
  body: (i: number) => Record<string, unknown> = () => ({}),
): Promise<{ ids: string[]; trackingNos: string[]; employerId: string }> {
  const ids: string[] = [];
  const trackingNos: string[] = [];
  let employerId = '';
  for (const [i, token] of tokens.entries()) {
    const res = await t
      .http()
      .post('/api/v1/complaints')
      .set({ authorization: `Bearer ${token}` })
      .send(
        complaintBody({
          employer: { name: employerName },
          complainant: { name: `工人${i}`, idNumber: memberIdNumber(i), phone: memberPhone(i) },
          ...body(i),
        }),
      );
    if (res.status !== 201) throw new Error(`filing ${i} failed: ${res.status} ${JSON.stringify(res.body)}`);
    ids.push(res.body.id as string);
    trackingNos.push(res.body.trackingNo as string);
    employerId = res.body.employer.id as string;
  }
  return { ids, trackingNos, employerId };
}

/** A member of a collective dispute as its notices must reach them: their own complaint and tracking number. */
export interface Member {
  complaintId: string;
  trackingNo: string;
  /** null: no number the platform may text (filed on their behalf, not verified) */
  phone: string | null;
}

/**
 * The `template` SMS of a collective dispute, once every member who can be texted has one: exactly one each, under
 * their own tracking number and no other member's, with no other variables than `params` (the group's, shared).
 * Returns the messages in the members' order. `since`: count only the messages sent from that index of `t.sms.sent`
 * on (the same phones were told about an earlier group).
 */
export async function toldOnceEach(
  t: TestApp,
  template: string,
  members: readonly Member[],
  params: Record<string, string>,
  since = 0,
): Promise<TestApp['sms']['sent']> {
  const texted = members.filter((m) => m.phone !== null);
  const sent = () => t.sms.sent.slice(since).filter((m) => m.template === template);
  await eventually(() => sent().length >= texted.length);
  expect(
    sent()
      .map((m) => m.phone)
      .sort(),
  ).toEqual(texted.map((m) => m.phone).sort());
  return texted.map((member) => {
    const m = sent().find((s) => s.phone === member.phone)!;
    expect([member.trackingNo, m.params]).toEqual([
      member.trackingNo,
      { trackingNo: member.trackingNo, ...params },
    ]);
    expect(m.text).toContain(member.trackingNo);
    const others = members.filter((o) => o !== member && m.text.includes(o.trackingNo));
    expect([member.trackingNo, others]).toEqual([member.trackingNo, []]);
    return m;
  });
}

/**
 * `n` workers (memberPhone(0…n-1)) file against one employer, staff confirm them as a collective dispute with the
 * given representatives (indexes), accept every complaint and route the group on the first member's to `target`.
 * Returns the workers' access tokens too.
 */
export async function routedGroup(
  t: TestApp,
  g: {
    n: number;
    employerName: string;
    category: string;
    target: 'MEDIATION' | 'ARBITRATION';
    representatives: number[];
    body?: (i: number) => Record<string, unknown>;
  },
): Promise<{ ids: string[]; trackingNos: string[]; disputeId: string; workers: string[] }> {
  const staff = { authorization: `Bearer ${await t.token('mediator')}` };
  const post = (path: string, body: object) => t.http().post(`/api/v1${path}`).set(staff).send(body);
  const workers: string[] = [];
  for (let i = 0; i < g.n; i++) workers.push(await signInWorker(t, memberPhone(i)));
  const filed = await fileMembers(t, workers, g.employerName, (i) => ({
    category: g.category,
    ...g.body?.(i),
  }));
  const { ids } = filed;
  const dispute = await post('/collective-disputes', {
    employerId: filed.employerId,
    category: g.category,
    complaintIds: ids,
    representativeComplaintIds: g.representatives.map((i) => ids[i]),
  });
  if (dispute.status !== 201) throw new Error(`confirming failed: ${JSON.stringify(dispute.body)}`);
  for (const id of ids)
    if ((await post(`/complaints/${id}/accept`, {})).status !== 200) throw new Error('accept');
  const routed = await post(`/complaints/${ids[0]}/route`, { target: g.target });
  if (routed.status !== 200) throw new Error(`routing failed: ${JSON.stringify(routed.body)}`);
  return { ids, trackingNos: filed.trackingNos, disputeId: dispute.body.id as string, workers };
}
