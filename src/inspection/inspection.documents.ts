import type { DocumentKind } from './inspection.constants';
import { INSPECTION_RULES } from './inspection.rules';
import { formatYuan } from '../common/money';

/** Short codes in document numbers (e.g. 浦人社监改〔2026〕0001号). */
export const DOCUMENT_CODES: Record<DocumentKind, string> = {
  REFUSAL_NOTICE: '不受',
  INQUIRY_NOTICE: '询',
  RECTIFICATION_ORDER: '改',
  PENALTY_NOTICE: '告',
  PENALTY_DECISION: '罚',
  TRANSFER_NOTICE: '移',
  HANDLING_NOTICE: '处告',
  HANDLING_DECISION: '处',
};

/** Documents served on the employer (they never name a reporter: 劳动保障监察条例 第九条). */
export const EMPLOYER_FACING: Record<DocumentKind, boolean> = {
  REFUSAL_NOTICE: false,
  INQUIRY_NOTICE: true,
  RECTIFICATION_ORDER: true,
  PENALTY_NOTICE: true,
  PENALTY_DECISION: true,
  TRANSFER_NOTICE: false,
  HANDLING_NOTICE: true,
  HANDLING_DECISION: true,
};

/**
 * Documents that name the employer: addressed to it, or (the transfer) naming it to the police as the suspect. Each is
 * issued only under a confirmed register name (行政处罚法 第五十九条: a decision states the party's 名称).
 */
export const NAMES_EMPLOYER: Record<DocumentKind, boolean> = {
  ...EMPLOYER_FACING,
  TRANSFER_NOTICE: true,
};

export function documentNumber(kind: DocumentKind, year: number, seq: number): string {
  return `浦人社监${DOCUMENT_CODES[kind]}〔${year}〕${String(seq).padStart(4, '0')}号`;
}

const zhDate = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/**
 * What a document may say. Deliberately no complainant or reporter field: an employer-facing document is built only
 * from the employer, the case and the findings, so it cannot name the person who complained or reported.
 */
export interface DocumentContext {
  caseNo: string;
  docNo: string;
  issuedOn: string;
  brigade: string;
  employerName: string;
}

export type DocumentFacts =
  | {
      kind: 'REFUSAL_NOTICE';
      addressee: '投诉人' | '举报人';
      reasons: string[];
      note: string | null;
      /** where to turn instead (若干规定 第十八条第四款) */
      referral?: string;
    }
  | { kind: 'INQUIRY_NOTICE'; appearOn: string; place: string; materials: string[] }
  | {
      kind: 'RECTIFICATION_ORDER';
      violations: string;
      arrearsFen: number;
      workers: number;
      complianceDueOn: string;
    }
  | {
      kind: 'PENALTY_NOTICE';
      violations: string;
      proposedFen: number;
      basis: string;
      statementDueOn: string;
      hearingDueOn: string;
    }
  | { kind: 'PENALTY_DECISION'; violations: string; amountFen: number; basis: string }
  | { kind: 'TRANSFER_NOTICE'; arrearsFen: number; workers: number; reasons: string[] }
  | { kind: 'HANDLING_NOTICE'; violations: string; proposed: string; basis: string; statementDueOn: string }
  | {
      kind: 'HANDLING_DECISION';
      violations: string;
      decision: string;
      basis: string;
      /** 加付赔偿金 (第二十六条): the amount owed it is computed on, the rate and the amount; null when none. */
      compensation: { owedFen: number; percent: number; amountFen: number } | null;
    };

/** Where a party who disagrees turns: 行政复议 within sixty days, 行政诉讼 within six months (行政诉讼法 第四十六条). */
const REVIEW_REMEDIES =
  '如不服本决定，可于收到本决定书之日起六十日内申请行政复议，或者六个月内向人民法院提起行政诉讼。';

/** Renders the Chinese text of a document (plain text, as issued). */
export function renderDocument(ctx: DocumentContext, f: DocumentFacts): string {
  const head = (title: string, to: string) => [ctx.brigade, title, ctx.docNo, '', `${to}：`];
  const foot = ['', ctx.brigade, zhDate(ctx.issuedOn)];
  switch (f.kind) {
    case 'REFUSAL_NOTICE':
      return [
        ...head(`劳动保障监察${f.addressee === '举报人' ? '举报' : '投诉'}不予受理告知书`, f.addressee),
        `你（单位）反映的事项（案号 ${ctx.caseNo}），经审查，不予受理立案，理由如下：`,
        ...f.reasons.map((r, i) => `${i + 1}. ${r}`),
        ...(f.note ? [`说明：${f.note}`] : []),
        ...(f.referral ? [f.referral] : []),
        '如涉及劳动争议，可依法申请劳动争议调解、仲裁或者向人民法院提起诉讼。',
        // The complainant asked the body to protect their own rights: its refusal is reviewable (行政复议法, 行政诉讼法
        // 第四十六条), as the decisions below print; a 举报 is not the reporter's own matter.
        ...(f.addressee === '投诉人' ? [REVIEW_REMEDIES] : []),
        ...foot,
      ].join('\n');
    case 'INQUIRY_NOTICE':
      return [
        ...head('劳动保障监察询问通知书', ctx.employerName),
        `因调查劳动保障监察案件（案号 ${ctx.caseNo}）需要，根据《劳动保障监察条例》第十五条的规定，请你单位于${zhDate(f.appearOn)}到${f.place}接受询问，并提供以下材料：`,
        ...f.materials.map((m, i) => `${i + 1}. ${m}`),
        '无正当理由拒不接受询问或者拒不提供材料的，依照《劳动保障监察条例》第三十条的规定处理。',
        ...foot,
      ].join('\n');
    case 'RECTIFICATION_ORDER':
      return [
        ...head('劳动保障监察责令改正指令书', ctx.employerName),
        `经查，你单位存在下列违反劳动保障法律、法规或者规章的行为：${f.violations}`,
        ...(f.arrearsFen > 0 ? [`拖欠${f.workers}名劳动者劳动报酬共计${formatYuan(f.arrearsFen)}。`] : []),
        `根据《劳动保障监察条例》第十八条、第二十六条的规定，责令你单位于${zhDate(f.complianceDueOn)}前改正${f.arrearsFen > 0 ? '，足额支付上述劳动报酬' : ''}，并将改正情况书面报送本机关。`,
        '逾期不改正的，本机关将依法处理；经责令支付仍不支付劳动报酬、数额较大的，依法移送公安机关。',
        ...foot,
      ].join('\n');
    case 'PENALTY_NOTICE':
      return [
        ...head('劳动保障监察行政处罚告知书', ctx.employerName),
        `经查，你单位${f.violations}（案号 ${ctx.caseNo}）。`,
        `根据${f.basis}的规定，本机关拟对你单位处以罚款${formatYuan(f.proposedFen)}。`,
        `根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你单位有权进行陈述和申辩，请最迟于${zhDate(f.statementDueOn)}（含当日，${INSPECTION_RULES.STATEMENT_DAYS}个工作日内）提出；逾期视为放弃。`,
        `符合听证条件的，你单位可最迟于${zhDate(f.hearingDueOn)}（含当日，告知后${INSPECTION_RULES.HEARING_REQUEST_WORKDAYS}个工作日内）要求举行听证（第六十四条）。`,
        ...foot,
      ].join('\n');
    case 'PENALTY_DECISION':
      return [
        ...head('劳动保障监察行政处罚决定书', ctx.employerName),
        `经查，你单位${f.violations}（案号 ${ctx.caseNo}）。本机关已依法告知你单位拟作出的处罚及陈述、申辩的权利。`,
        `根据${f.basis}的规定，决定对你单位处以罚款${formatYuan(f.amountFen)}。`,
        '请于收到本决定书之日起十五日内缴纳罚款（《中华人民共和国行政处罚法》第六十七条）。',
        REVIEW_REMEDIES,
        ...foot,
      ].join('\n');
    case 'TRANSFER_NOTICE':
      return [
        ...head('涉嫌犯罪案件移送书', '公安机关'),
        `${ctx.employerName}涉嫌拒不支付劳动报酬罪（《中华人民共和国刑法》第二百七十六条之一）：拖欠${f.workers}名劳动者劳动报酬${formatYuan(f.arrearsFen)}，经本机关责令支付后仍不支付（案号 ${ctx.caseNo}）。`,
        ...f.reasons.map((r) => `- ${r}`),
        '根据《行政执法机关移送涉嫌犯罪案件的规定》，现将该案移送你局，请依法审查。',
        ...foot,
      ].join('\n');
    case 'HANDLING_NOTICE':
      return [
        ...head('劳动保障监察行政处理事先告知书', ctx.employerName),
        `经查，你单位${f.violations}（案号 ${ctx.caseNo}）。`,
        `根据${f.basis}的规定，本机关拟作出如下行政处理决定：${f.proposed}`,
        `根据《劳动保障监察条例》第十九条的规定，你单位有权进行陈述和申辩，请最迟于${zhDate(f.statementDueOn)}（含当日，${INSPECTION_RULES.STATEMENT_DAYS}个工作日内）提出；逾期视为放弃。`,
        ...foot,
      ].join('\n');
    case 'HANDLING_DECISION':
      return [
        ...head('劳动保障监察行政处理决定书', ctx.employerName),
        `经查，你单位${f.violations}（案号 ${ctx.caseNo}）。本机关已依法告知你单位拟作出的行政处理决定，并听取了你单位的陈述、申辩。`,
        `根据${f.basis}的规定，决定：${f.decision}`,
        ...(f.compensation
          ? [
              `你单位经责令限期支付后逾期未支付，根据《劳动保障监察条例》第二十六条的规定，责令你单位按应付金额${formatYuan(f.compensation.owedFen)}的${f.compensation.percent}%，向劳动者加付赔偿金${formatYuan(f.compensation.amountFen)}。`,
            ]
          : []),
        REVIEW_REMEDIES,
        ...foot,
      ].join('\n');
  }
}
