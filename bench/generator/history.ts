import { addDays, daysBetween, yearOf } from '../../src/calendar/local-date';
import { organisationId as orgIdOf } from '../../src/reference/organisations';
import type { OrganisationKind } from '../../src/reference/entities/organisation.entity';
import { ARBITRATION_RULES } from '../../src/arbitration/arbitration.rules';
import type { ClaimType } from '../../src/arbitration/arbitration.constants';
import {
  TRACKING_PREFIX,
  type ComplaintCategory,
  type ComplaintKind,
} from '../../src/complaints/complaint.constants';
import {
  ROUTE_ORGANISATION_KIND,
  ROUTE_TARGETS,
  suggestRoute,
  type RouteTarget,
} from '../../src/complaints/routing.rules';
import { normaliseEmployerName } from '../../src/reference/employers.service';
import { formatTrackingNumber } from '../../src/common/tracking-number';
import type { PiiKind } from '../../src/common/pii-crypto';
import type { CopyValue } from './copy-format';
import { pgArray, shanghaiMillis, shanghaiTimestamp } from './copy-format';
import * as D from './distributions';
import {
  syntheticEmployerName,
  syntheticIdNumber,
  syntheticPersonName,
  syntheticPhone,
  syntheticUscc,
  uuidV7,
} from './identity';
import { planDays, type DayPlan } from './intensity';
import { CumulativeTable, Rng } from './rng';
import { WorkingCalendar } from '../../src/calendar/working-calendar';
import type { Street } from './scales';
import type { TableName } from './tables';

export type Emit = (table: TableName, values: CopyValue[]) => void;

export interface HistoryOptions {
  seed: number;
  /** Last day of the history (Asia/Shanghai calendar date). */
  end: string;
  years: number;
  complaints: number;
  employers: number;
  streets: readonly Street[];
  /**
   * Whether the target schema has a table (default: all). Rows of absent tables are dropped by the sink anyway;
   * this only keeps the clocks of inspection cases out when there are no inspection cases. Random draws do not
   * depend on it, so the other tables stay identical whatever the schema.
   */
  present?: (table: TableName) => boolean;
  /**
   * Seals ID numbers and phones as the platform stores them (common/pii-crypto.ts: a PiiCipher of the target's
   * PII_KEY), so a loaded database holds no plaintext and its blind indexes match the app's.
   */
  pii: PiiSealer;
}

/** What the generator needs of a PiiCipher. */
export interface PiiSealer {
  encrypt(value: string): string;
  blindIndex(kind: PiiKind, value: string): string;
}

/** Registered worker accounts per complaint (each files ~2 complaints online on average; assumption). */
const WORKERS_PER_COMPLAINT = 0.35;
/** Multiplier of the phone-number bijection (coprime with 10^9, so index → number is one-to-one). */
const PHONE_MULTIPLIER = 387_420_489;

const ARREARS_SHARE = D.CATEGORY_MIX.find(([c]) => c === 'WAGE_ARREARS')![1];
const OTHER_CATEGORIES = D.CATEGORY_MIX.filter(([c]) => c !== 'WAGE_ARREARS');

const CLAIM_TYPE_OF: Readonly<Record<ComplaintCategory, ClaimType>> = {
  WAGE_ARREARS: 'LABOR_REMUNERATION',
  OVERTIME_PAY: 'LABOR_REMUNERATION',
  NO_CONTRACT: 'DAMAGES',
  SOCIAL_INSURANCE: 'STANDARDS',
  UNLAWFUL_TERMINATION: 'ECONOMIC_COMPENSATION',
  WORK_INJURY: 'WORK_INJURY_MEDICAL',
  WORKING_HOURS_LEAVE: 'STANDARDS',
  OTHER: 'OTHER',
};

const FACTS: Readonly<Record<ComplaintCategory, string>> = {
  WAGE_ARREARS: '单位拖欠工资',
  OVERTIME_PAY: '单位未支付加班费',
  NO_CONTRACT: '单位未签订书面劳动合同',
  SOCIAL_INSURANCE: '单位未依法缴纳社会保险',
  UNLAWFUL_TERMINATION: '单位违法解除劳动合同',
  WORK_INJURY: '工伤待遇未落实',
  WORKING_HOURS_LEAVE: '单位违反工作时间和休息休假规定',
  OTHER: '其他劳动保障问题',
};

const ORG_IDS = new Map<string, string>();
/** organisationId (a UUIDv5, i.e. a SHA-1) memoised: millions of rows name a few thousand bodies. */
function organisationId(kind: OrganisationKind, code: string): string {
  const key = `${kind}:${code}`;
  let id = ORG_IDS.get(key);
  if (id === undefined) {
    id = orgIdOf(kind, code);
    ORG_IDS.set(key, id);
  }
  return id;
}

interface EmployerIndex {
  ids: string[];
  streetIdx: Int32Array;
  /** Whether the employer is in construction (建筑业, GB/T 4754 E). */
  construction: Uint8Array;
  base: CumulativeTable;
  arrears: CumulativeTable;
}

/**
 * The deterministic synthetic history: employers, worker accounts, then day by day the complaints and what
 * followed each (mediation, arbitration, statutory clocks), consistent with the state machines (valid statuses,
 * dates in order). Rows go to `emit` in load order per table; the caller streams them to COPY.
 */
export class HistoryGenerator {
  readonly start: string;
  readonly workerCount: number;
  private readonly days: DayPlan[];
  private employersIdx: EmployerIndex | null = null;
  private readonly tracking = new Map<string, number>();
  private readonly rng: Rng;
  private readonly calendar = new WorkingCalendar();
  private readonly workdayCache = new Map<string, string>();

  constructor(private readonly o: HistoryOptions) {
    const days = Math.round(365.25 * o.years);
    this.start = addDays(o.end, -(days - 1));
    this.days = planDays(o.end, days, o.complaints, ARREARS_SHARE);
    this.workerCount = Math.max(10, Math.round(o.complaints * WORKERS_PER_COMPLAINT));
    this.rng = new Rng(o.seed, 'complaints');
  }

  get plan(): readonly DayPlan[] {
    return this.days;
  }

  /** The last tracking sequence used per "PREFIX:YEAR" (to move tracking_counters past the loaded rows). */
  get trackingCounters(): ReadonlyMap<string, number> {
    return this.tracking;
  }

  /** One ARBITRATOR account per district commission: the approver of extensions and the sole arbitrator. */
  arbitratorOf(districtCode: string): string {
    return uuidV7(shanghaiMillis(this.start, 0), new Rng(this.o.seed, `arbitrator:${districtCode}`));
  }

  /** One INSPECTOR account per district brigade: the approver of investigation extensions. */
  inspectorOf(districtCode: string): string {
    return uuidV7(shanghaiMillis(this.start, 0), new Rng(this.o.seed, `inspector:${districtCode}`));
  }

  /** Staff accounts (one arbitrator and one inspector per district) and the registered workers. */
  emitUsers(emit: Emit): void {
    const created = shanghaiTimestamp(this.start, 0);
    for (const d of new Set(this.o.streets.map((s) => s.districtCode))) {
      emit('users', [
        this.inspectorOf(d),
        `bench-inspector-${d}`,
        null,
        'INSPECTOR',
        organisationId('INSPECTION_BRIGADE', d),
        pgArray([d]),
        `监察员${d}`,
        true,
        created,
        null,
        null,
      ]);
      emit('users', [
        this.arbitratorOf(d),
        `bench-arbitrator-${d}`,
        null,
        'ARBITRATOR',
        organisationId('ARBITRATION_COMMISSION', d),
        pgArray([d]),
        `仲裁员${d}`,
        true,
        created,
        null,
        null,
      ]);
    }
    for (let i = 0; i < this.workerCount; i++) {
      const w = this.worker(i);
      // As the platform creates a worker account: username worker:<id>, the number sealed (users.login_phone_*).
      emit('users', [
        w.id,
        `worker:${w.id}`,
        null,
        'WORKER',
        null,
        '{}',
        w.name,
        true,
        created,
        this.o.pii.encrypt(w.phone),
        this.o.pii.blindIndex('phone', w.phone),
      ]);
    }
  }

  /** Worker i's account, derived from the index alone (no table of millions kept in memory). */
  worker(i: number): { id: string; phone: string; name: string } {
    const r = new Rng(this.o.seed, `worker:${i}`);
    const phone = `19${String((i * PHONE_MULTIPLIER + 12_345) % 1_000_000_000).padStart(9, '0')}`;
    return { id: uuidV7(shanghaiMillis(this.start, 0) - i, r), phone, name: syntheticPersonName(r) };
  }

  /** The employers register; keeps the ids and weights in memory for the complaints. */
  emitEmployers(emit: Emit): void {
    const r = new Rng(this.o.seed, 'employers');
    const streetWeights = new Float64Array(this.o.streets.length);
    const sr = new Rng(this.o.seed, 'streets');
    const signals = new Rng(this.o.seed, 'signals');
    const filings = new Rng(this.o.seed, 'filings');
    for (let i = 0; i < streetWeights.length; i++) streetWeights[i] = sr.logNormal(1, 0.6);
    const streets = new CumulativeTable(streetWeights);
    const n = this.o.employers;
    const ids: string[] = new Array<string>(n);
    const streetIdx = new Int32Array(n);
    const construction = new Uint8Array(n);
    const w = new Float64Array(n);
    const wa = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const s = streets.sample(r);
      const street = this.o.streets[s];
      const industry = r.weighted(D.INDUSTRY_MIX);
      const [sizeClass, lo, hi] = r.weighted(D.SIZE_MIX);
      const headcount = Math.round(lo * Math.pow(hi / lo, r.float()));
      const registeredOn = addDays(this.start, -r.int(0, 3650));
      const id = uuidV7(shanghaiMillis(registeredOn, 540), r);
      const name = syntheticEmployerName(street.cityName, industry, r);
      ids[i] = id;
      streetIdx[i] = s;
      construction[i] = industry === 'E' ? 1 : 0;
      w[i] =
        (D.INDUSTRY_COMPLAINT_FACTOR[industry] ?? 1) *
        Math.pow(headcount, D.HEADCOUNT_ELASTICITY) *
        r.logNormal(1, D.EMPLOYER_CONDUCT_SIGMA);
      const conduct =
        w[i] / ((D.INDUSTRY_COMPLAINT_FACTOR[industry] ?? 1) * Math.pow(headcount, D.HEADCOUNT_ELASTICITY));
      wa[i] = w[i] * (industry === 'E' ? D.CONSTRUCTION_ARREARS_FACTOR : 1);
      emit('employers', [
        id,
        syntheticUscc(street.districtCode, i + 1, r),
        name,
        normaliseEmployerName(name),
        `${street.name}${r.int(1, 2000)}号`,
        'REGISTER',
        shanghaiTimestamp(registeredOn, 540),
        r.chance(0.6) ? syntheticPhone(r) : null,
        street.code,
        industry,
        sizeClass,
        headcount,
      ]);
      this.signals(id, conduct, signals, emit);
      this.filings(id, street, headcount, conduct, filings, emit);
    }
    this.employersIdx = {
      ids,
      streetIdx,
      construction,
      base: new CumulativeTable(w),
      arrears: new CumulativeTable(wa),
    };
  }

  /** Other departments' observations about one employer (risk_signals), more of them for worse conduct. */
  private signals(employerId: string, conduct: number, r: Rng, emit: Emit): void {
    const n = r.poisson(D.SIGNALS_PER_EMPLOYER * conduct);
    const days = daysBetween(this.start, this.o.end);
    for (let j = 0; j < n; j++) {
      const [source, kind] = r.weighted(D.SIGNAL_KINDS);
      const on = addDays(this.start, r.int(0, days));
      const value =
        kind === 'SOCIAL_INSURANCE_ARREARS_MONTHS'
          ? String(r.int(1, 12))
          : kind === 'UTILITY_USAGE_DROP_PCT'
            ? (10 + 80 * r.float()).toFixed(2)
            : '1';
      // Minute j of 08:00: one employer's observations never share a timestamp (the table's idempotency key).
      emit('risk_signals', [
        uuidV7(shanghaiMillis(on, 480 + j), r),
        employerId,
        source,
        kind,
        value,
        shanghaiTimestamp(on, 480 + j),
        shanghaiTimestamp(on, 600 + j),
      ]);
    }
  }

  /** Layoff filings and closure/relocation notices of one employer (issue 5 filings tables, when present). */
  private filings(
    employerId: string,
    street: Street,
    headcount: number,
    conduct: number,
    r: Rng,
    emit: Emit,
  ): void {
    const days = daysBetween(this.start, this.o.end);
    const staff = this.inspectorOf(street.districtCode);
    if (headcount >= 20 && r.chance(Math.min(0.5, D.LAYOFF_PROBABILITY * Math.sqrt(conduct)))) {
      const filedOn = addDays(this.start, r.int(0, days));
      const cut = Math.max(1, Math.round(headcount * (0.05 + 0.3 * r.float())));
      emit('layoff_filings', [
        uuidV7(shanghaiMillis(filedOn, 570), r),
        employerId,
        street.code,
        filedOn,
        addDays(filedOn, r.int(30, 60)),
        cut,
        headcount,
        cut >= 20 || cut * 10 >= headcount,
        addDays(filedOn, -r.int(30, 45)),
        '生产经营发生严重困难',
        staff,
        shanghaiTimestamp(filedOn, 570),
      ]);
    }
    if (r.chance(Math.min(0.5, D.CLOSURE_PROBABILITY * Math.sqrt(conduct)))) {
      const notifiedOn = addDays(this.start, r.int(0, days));
      emit('closure_notices', [
        uuidV7(shanghaiMillis(notifiedOn, 575), r),
        employerId,
        street.code,
        r.weighted(D.CLOSURE_KINDS),
        notifiedOn,
        addDays(notifiedOn, r.int(15, 60)),
        headcount,
        '（合成数据）',
        staff,
        shanghaiTimestamp(notifiedOn, 575),
      ]);
    }
  }

  /** Complaints of one day of the plan and everything that followed them up to `end`. */
  emitDay(day: DayPlan, emit: Emit): void {
    const e = this.employersIdx;
    if (!e) throw new Error('emitEmployers must run first');
    const r = this.rng;
    const arrears = r.poisson(day.arrears);
    const other = r.poisson(day.other);
    for (let k = 0; k < arrears + other; k++) {
      const isArrears = k < arrears;
      const emp = (isArrears ? e.arrears : e.base).sample(r);
      const category: ComplaintCategory = isArrears ? 'WAGE_ARREARS' : r.weighted(OTHER_CATEGORIES);
      this.complaint(day.date, category, emp, emit);
    }
  }

  private complaint(date: string, category: ComplaintCategory, emp: number, emit: Emit): void {
    const r = this.rng;
    const e = this.employersIdx!;
    const o = this.o;
    const street = o.streets[e.streetIdx[emp]];
    const minute = r.int(8 * 60, 20 * 60);
    const id = uuidV7(shanghaiMillis(date, minute), r);
    const kind: ComplaintKind = r.chance(D.REPORT_SHARE) ? 'REPORT' : 'COMPLAINT';
    const channel = r.weighted(D.CHANNEL_MIX);
    const trackingNo = this.nextTracking(TRACKING_PREFIX[kind], yearOf(date));
    const [wlo, whi] = r.weighted(D.AFFECTED_WORKERS);
    const workers = r.int(wlo, whi);
    const perWorker = D.CLAIM_PER_WORKER[category];
    const amount =
      perWorker && r.chance(0.9) ? Math.round(r.logNormal(perWorker[0], perWorker[1])) * workers : null;
    const wantsArbitration = kind === 'COMPLAINT' && r.chance(D.WANTS_ARBITRATION_SHARE);

    // The complainant: a registered worker (online), or name + phone (+ ID number) given at intake; none for 举报.
    let userId: string | null = null;
    let name: string | null = null;
    let idNumber: string | null = null;
    let phone: string | null = null;
    if (kind === 'COMPLAINT') {
      if ((channel === 'WEB' || channel === 'MOBILE') && r.chance(D.REGISTERED_SHARE_ONLINE)) {
        const w = this.worker(r.int(0, this.workerCount - 1));
        userId = w.id;
        name = w.name;
        phone = w.phone;
      } else {
        name = syntheticPersonName(r);
        phone = syntheticPhone(r);
        const birth = addDays('1965-01-01', r.int(0, 365 * 40));
        idNumber = r.chance(0.7) ? syntheticIdNumber(street.districtCode, birth, r) : null;
      }
    }

    // Intake decision, then routing (complaint.state.ts: SUBMITTED → ACCEPTED|REJECTED, ACCEPTED → ROUTED).
    const decidedOn = addDays(date, r.int(D.DECISION_DAYS[0], D.DECISION_DAYS[1]));
    const routedOn = addDays(decidedOn, r.int(D.ROUTING_DAYS[0], D.ROUTING_DAYS[1]));
    const rejected = r.chance(D.REJECT_SHARE);
    let status: 'SUBMITTED' | 'ACCEPTED' | 'REJECTED' | 'ROUTED' = 'SUBMITTED';
    let version = 1;
    let route: RouteTarget | null = null;
    if (decidedOn <= o.end) {
      status = rejected ? 'REJECTED' : 'ACCEPTED';
      version++;
      if (!rejected && routedOn <= o.end) {
        status = 'ROUTED';
        version++;
        const suggested = suggestRoute({
          kind,
          category,
          claimedAmountFen: amount,
          affectedWorkers: workers,
          wantsArbitration,
        }).target;
        route = r.chance(D.FOLLOW_SUGGESTION_SHARE)
          ? suggested
          : (r.pick(
              ROUTE_TARGETS.filter((t) => t !== suggested && !(kind === 'REPORT' && t !== 'INSPECTION')),
            ) ?? suggested);
      }
    }
    const routeOrg =
      route === null
        ? null
        : organisationId(
            ROUTE_ORGANISATION_KIND[route],
            route === 'MEDIATION' ? street.code : street.districtCode,
          );
    const lastChange = status === 'ROUTED' ? routedOn : status === 'SUBMITTED' ? date : decidedOn;
    emit('complaints', [
      id,
      trackingNo,
      kind,
      status,
      category,
      channel,
      e.ids[emp],
      street.code,
      amount,
      workers,
      `（合成数据）${FACTS[category]}，涉及${workers}人。`,
      amount === null ? '请求依法处理' : `请求支付${(amount / 100).toFixed(2)}元`,
      userId,
      name,
      idNumber === null ? null : this.o.pii.encrypt(idNumber),
      idNumber === null ? null : this.o.pii.blindIndex('id_number', idNumber),
      phone === null ? null : this.o.pii.encrypt(phone),
      phone === null ? null : this.o.pii.blindIndex('phone', phone),
      date,
      shanghaiTimestamp(date, minute),
      shanghaiTimestamp(lastChange, Math.min(minute + 30, 23 * 60)),
      version,
      wantsArbitration,
      route,
      routeOrg,
      route ? shanghaiTimestamp(routedOn, Math.min(minute + 30, 23 * 60)) : null,
    ]);

    const ctx: CaseContext = { complaintId: id, employerId: e.ids[emp], street, category, amount, workers };
    if (route === 'MEDIATION') {
      const m = this.mediation(ctx, routedOn, emit);
      if (m.failedOn && r.chance(D.MEDIATION_TO_ARBITRATION_SHARE))
        this.arbitration(ctx, 'MEDIATION', m.id, addDays(m.failedOn, r.int(1, 20)), emit);
    } else if (route === 'ARBITRATION') {
      this.arbitration(ctx, 'COMPLAINT', null, routedOn, emit);
    } else if (route === 'INSPECTION') {
      this.inspection(ctx, kind, routedOn, emit);
    }
  }

  private nextTracking(prefix: string, year: number): string {
    const key = `${prefix}:${year}`;
    const seq = (this.tracking.get(key) ?? 0) + 1;
    this.tracking.set(key, seq);
    return formatTrackingNumber(prefix, year, seq);
  }

  /** A mediation case opened on `openedOn`; returns the date it failed or expired (for a follow-up arbitration). */
  private mediation(c: CaseContext, openedOn: string, emit: Emit): { id: string; failedOn: string | null } {
    const r = this.rng;
    const id = uuidV7(shanghaiMillis(openedOn, 600), r);
    const outcome = r.weighted(D.MEDIATION_OUTCOMES);
    // 15 days (调解仲裁法 第十四条); EXPIRED is recorded by the daily job the day after the period ends.
    const days =
      outcome === 'AGREEMENT'
        ? Math.min(
            15,
            Math.max(
              0,
              Math.round(r.logNormal(D.MEDIATION_AGREEMENT_DAYS[0], D.MEDIATION_AGREEMENT_DAYS[1])),
            ),
          )
        : outcome === 'EXPIRED'
          ? 16
          : r.int(outcome === 'WITHDRAWN' ? 0 : 3, 15);
    const closedOn = addDays(openedOn, days);
    const closed = closedOn <= this.o.end;
    const org = organisationId('MEDIATION_COMMITTEE', c.street.code);
    emit('mediation_cases', [
      id,
      c.complaintId,
      org,
      null,
      c.street.code,
      c.employerId,
      closed ? outcome : 'OPEN',
      closed ? 2 : 1,
      closed ? (outcome === 'EXPIRED' ? null : outcome) : null,
      closed && outcome === 'FAILED' ? '双方分歧较大，调解不成' : null,
      openedOn,
      closed ? closedOn : null,
      shanghaiTimestamp(openedOn, 600),
    ]);
    if (closed && outcome === 'AGREEMENT') {
      const total = Math.round((c.amount ?? 500_000 * c.workers) * (0.5 + 0.5 * r.float()));
      emit('mediation_agreements', [
        uuidV7(shanghaiMillis(closedOn, 900), r),
        id,
        r.weighted(D.AGREEMENT_STATUS_MIX),
        JSON.stringify([{ description: FACTS[c.category], amountFen: total }]),
        total,
        closedOn,
        shanghaiTimestamp(closedOn, 900),
      ]);
    }
    this.clock('MEDIATION', id, 'MEDIATION', openedOn, c.street.code, closed ? closedOn : null, null, emit);
    return { id, failedOn: closed && (outcome === 'FAILED' || outcome === 'EXPIRED') ? closedOn : null };
  }

  private arbitration(
    c: CaseContext,
    source: 'COMPLAINT' | 'MEDIATION',
    mediationId: string | null,
    appliedOn: string,
    emit: Emit,
  ): void {
    const r = this.rng;
    const o = this.o;
    if (appliedOn > o.end) return;
    const id = uuidV7(shanghaiMillis(appliedOn, 600), r);
    const decidedOn = addDays(appliedOn, r.int(1, 5));
    const refused = r.chance(D.ARBITRATION_REJECT_SHARE);
    const closure = r.weighted(D.ARBITRATION_CLOSURES);
    const overdue = r.chance(D.ARBITRATION_OVERDUE_SHARE);
    const [median, sigma] = D.ARBITRATION_DAYS[closure];
    const days = overdue
      ? r.int(D.ARBITRATION_OVERDUE_DAYS[0], D.ARBITRATION_OVERDUE_DAYS[1])
      : Math.min(60, Math.max(1, Math.round(r.logNormal(median, sigma))));
    const closedOn = addDays(decidedOn, days);
    const collective = c.workers >= ARBITRATION_RULES.COLLECTIVE_MIN_WORKERS;
    const arbitrator = this.arbitratorOf(c.street.districtCode);
    const finalAward = closure === 'AWARD' && r.chance(D.FINAL_AWARD_SHARE);

    let status: string;
    let version = 1;
    if (decidedOn > o.end) status = 'APPLIED';
    else if (refused) {
      status = 'NOT_ACCEPTED';
      version = 2;
    } else if (closedOn <= o.end) {
      status = 'CLOSED';
      version = 5;
    } else {
      const age = daysBetween(decidedOn, o.end);
      status = age < 7 ? 'ACCEPTED' : age < 20 ? 'TRIBUNAL_FORMED' : 'HEARING_SCHEDULED';
      version = age < 7 ? 2 : age < 20 ? 3 : 4;
    }
    const accepted = status !== 'APPLIED' && status !== 'NOT_ACCEPTED';
    const isClosed = status === 'CLOSED';
    const formed = accepted && status !== 'ACCEPTED';
    emit('arbitration_cases', [
      id,
      c.complaintId,
      c.employerId,
      source,
      mediationId,
      status,
      version,
      c.street.code,
      collective,
      formed ? (collective ? 'THREE' : 'SOLE') : null,
      formed ? pgArray([arbitrator]) : '{}',
      appliedOn,
      accepted ? decidedOn : null,
      status === 'NOT_ACCEPTED' ? '不属于劳动争议处理范围' : null,
      isClosed ? closedOn : status === 'NOT_ACCEPTED' ? decidedOn : null,
      isClosed ? closure : null,
      isClosed && closure === 'AWARD' ? finalAward : null,
      isClosed && closure === 'AWARD' ? closedOn : null,
      isClosed && closure === 'AWARD' ? addDays(closedOn, 15) : null,
      shanghaiTimestamp(appliedOn, 600),
      shanghaiTimestamp(isClosed ? closedOn : status === 'APPLIED' ? appliedOn : decidedOn, 660),
    ]);
    const claims = r.int(1, 3);
    const total = c.amount ?? 1_000_000 * c.workers;
    for (let seq = 1; seq <= claims; seq++) {
      const amountFen = Math.round(total / claims);
      const awarded = isClosed && closure === 'AWARD' ? Math.round(amountFen * r.float()) : null;
      emit('arbitration_claims', [
        uuidV7(shanghaiMillis(appliedOn, 600), r),
        id,
        seq,
        seq === 1 ? CLAIM_TYPE_OF[c.category] : r.pick(['ECONOMIC_COMPENSATION', 'DAMAGES', 'OTHER']),
        `${FACTS[c.category]}（请求${seq}）`,
        amountFen,
        awarded,
        awarded === null ? null : '依据双方提交的证据裁决',
        awarded === null ? null : finalAward,
      ]);
    }
    // 5 days to decide on acceptance (第二十九条), then 45 (+15) days to the award (第四十三条).
    this.clock(
      'ARBITRATION',
      id,
      'ARBITRATION_ACCEPTANCE',
      appliedOn,
      c.street.code,
      decidedOn <= o.end ? decidedOn : null,
      null,
      emit,
    );
    if (accepted) {
      const extendOn = addDays(decidedOn, 40);
      const extended =
        days > 45 && extendOn <= o.end
          ? { on: extendOn, approver: arbitrator, amount: 15, reason: '案情复杂，经仲裁委员会主任批准延期' }
          : null;
      this.clock(
        'ARBITRATION',
        id,
        'ARBITRATION_DECISION',
        decidedOn,
        c.street.code,
        isClosed ? closedOn : null,
        extended,
        emit,
      );
    }
  }

  private workdays(from: string, n: number): string {
    const key = `${from}+${n}`;
    let d = this.workdayCache.get(key);
    if (d === undefined) {
      d = this.calendar.addWorkingDays(from, n).date;
      this.workdayCache.set(key, d);
    }
    return d;
  }

  /** An inspection case (劳动保障监察) for a complaint or report routed to the brigade on `receivedOn`. */
  private inspection(c: CaseContext, kind: ComplaintKind, receivedOn: string, to: Emit): void {
    const emit: Emit = (this.o.present?.('inspection_cases') ?? true) ? to : () => undefined;
    const r = this.rng;
    const o = this.o;
    const id = uuidV7(shanghaiMillis(receivedOn, 630), r);
    const caseNo = this.nextTracking('JC', yearOf(receivedOn));
    const acceptanceDue = this.workdays(receivedOn, 5);
    const refused = r.chance(D.INSPECTION_REFUSE_SHARE);
    const decidedOn = r.chance(D.INSPECTION_LATE_ACCEPTANCE_SHARE)
      ? this.workdays(acceptanceDue, r.int(1, 5))
      : this.workdays(receivedOn, r.int(0, 5));
    const extended = r.chance(D.INSPECTION_EXTENDED_SHARE);
    const closure = r.weighted(D.INSPECTION_CLOSURES);
    const limit = extended ? 90 : 60;
    const workdays = r.chance(D.INSPECTION_OVERDUE_SHARE)
      ? limit + r.int(1, 30)
      : Math.min(
          limit,
          Math.max(1, Math.round(r.logNormal(D.INSPECTION_WORKDAYS[0], D.INSPECTION_WORKDAYS[1]))),
        );
    const accepted = !refused && decidedOn <= o.end;
    const closedOn = accepted ? this.workdays(decidedOn, workdays) : null;
    const isClosed = closedOn !== null && closedOn <= o.end;
    const extendOn = accepted && extended ? this.workdays(decidedOn, 50) : null;
    const extensionRecorded = extendOn !== null && extendOn <= o.end && (!isClosed || extendOn <= closedOn);
    const due = accepted ? this.workdays(decidedOn, extensionRecorded ? 90 : 60) : null;
    const violation = isClosed
      ? closure !== 'NO_VIOLATION' && closure !== 'REVOKED' && closure !== 'MERGED'
      : null;
    const arrears = violation && c.category === 'WAGE_ARREARS' ? (c.amount ?? 800_000 * c.workers) : 0;
    const recovered =
      closure === 'RECTIFIED' || closure === 'PENALISED' ? Math.round(arrears * (0.6 + 0.4 * r.float())) : 0;
    let status: string;
    let version = 1;
    if (decidedOn > o.end) status = 'RECEIVED';
    else if (refused) {
      status = 'REFUSED';
      version = 2;
    } else if (isClosed) {
      status = 'CLOSED';
      version = closure === 'PENALISED' ? 5 : 3;
    } else {
      status =
        daysBetween(decidedOn, o.end) > 30 && r.chance(0.3) ? 'RECTIFICATION_ORDERED' : 'INVESTIGATING';
      version = status === 'INVESTIGATING' ? 2 : 3;
    }
    const inspector = this.inspectorOf(c.street.districtCode);
    emit('inspection_cases', [
      id,
      caseNo,
      kind === 'REPORT' ? 'REPORT' : 'COMPLAINT',
      c.complaintId,
      null,
      c.employerId,
      c.street.code,
      organisationId('INSPECTION_BRIGADE', c.street.districtCode),
      status,
      receivedOn,
      acceptanceDue,
      accepted ? decidedOn : null,
      status === 'REFUSED' ? decidedOn : null,
      status === 'REFUSED' ? '不属于劳动保障监察管辖范围' : null,
      due,
      extensionRecorded ? 30 : 0,
      isClosed ? closedOn : null,
      isClosed ? closure : null,
      violation,
      arrears,
      c.workers,
      arrears ? r.int(1, 6) : null,
      recovered,
      recovered ? c.workers : 0,
      isClosed && closure === 'PENALISED' ? r.int(2_000, 50_000) * 100 : 0,
      isClosed && closure === 'PENALISED' && r.chance(0.3),
      isClosed && closure === 'TRANSFERRED',
      c.workers >= 30 && r.chance(0.1),
      accepted ? pgArray([inspector]) : '{}',
      version,
      shanghaiTimestamp(receivedOn, 630),
      shanghaiTimestamp(isClosed ? closedOn : decidedOn <= o.end ? decidedOn : receivedOn, 690),
    ]);
    // 5 working days to accept (若干规定 第十八条), then 60 (+30) working days to investigate (条例 第十七条).
    this.clock(
      'INSPECTION',
      id,
      'INSPECTION_ACCEPTANCE',
      receivedOn,
      c.street.code,
      decidedOn <= o.end ? decidedOn : null,
      null,
      emit,
    );
    if (accepted)
      this.clock(
        'INSPECTION',
        id,
        'INSPECTION_INVESTIGATION',
        decidedOn,
        c.street.code,
        isClosed ? closedOn : null,
        extensionRecorded
          ? {
              on: extendOn,
              approver: inspector,
              amount: 30,
              reason: '案情复杂，经劳动保障行政部门负责人批准延长',
            }
          : null,
        emit,
      );
  }

  private clock(
    caseType: string,
    caseId: string,
    ruleId: string,
    start: string,
    jurisdiction: string,
    stoppedOn: string | null,
    extended: { on: string; approver: string; amount: number; reason: string } | null,
    emit: Emit,
  ): void {
    const r = this.rng;
    const id = uuidV7(shanghaiMillis(start, 600), r);
    emit('clocks', [
      id,
      caseType,
      caseId,
      ruleId,
      start,
      jurisdiction,
      stoppedOn,
      shanghaiTimestamp(start, 600),
    ]);
    if (extended)
      emit('clock_events', [
        uuidV7(shanghaiMillis(extended.on, 600), r),
        id,
        1,
        'EXTEND',
        extended.on,
        extended.amount,
        extended.reason,
        extended.approver,
        shanghaiTimestamp(extended.on, 600),
      ]);
    if (stoppedOn)
      emit('clock_events', [
        uuidV7(shanghaiMillis(stoppedOn, 600), r),
        id,
        extended ? 2 : 1,
        'STOP',
        stoppedOn,
        null,
        null,
        null,
        shanghaiTimestamp(stoppedOn, 600),
      ]);
  }
}

interface CaseContext {
  complaintId: string;
  employerId: string;
  street: Street;
  category: ComplaintCategory;
  amount: number | null;
  workers: number;
}
