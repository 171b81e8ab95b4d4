import type { TemplateDef } from './templates';

/**
 * What the employer (the inspected unit) is told of the brigade's acts addressed to it, at its contact phone on
 * record; spread into TEMPLATES. Each names the written document (its number) and says that it counts: the SMS is
 * not service (送达), and no period runs from its delivery. Plain values only (this file is imported by templates.ts).
 */
export const INSPECTION_EMPLOYER_TEMPLATES = {
  // 劳动保障监察条例 第十五条: the brigade questions the persons concerned and asks for the documents (询问通知书).
  INSPECTION_INQUIRY_NOTICE_EMPLOYER: {
    channel: 'SMS',
    audience: 'EMPLOYER',
    text: '贵单位的劳动保障监察案件（案号{caseNo}）：劳动保障监察机构已发出询问通知书（{docNo}），请于{appearOn}到{place}接受询问并提供有关材料。时间、地点和材料以书面询问通知书为准，本短信不作为送达。',
    vars: { caseNo: 'text', docNo: 'text', appearOn: 'date', place: 'text' },
  },
  // 劳动保障监察条例 第十八条第一款第（二）项: 责令改正, with the deadline the written order sets.
  INSPECTION_RECTIFY_ORDERED_EMPLOYER: {
    channel: 'SMS',
    audience: 'EMPLOYER',
    text: '贵单位的劳动保障监察案件（案号{caseNo}）：劳动保障监察机构已作出责令改正指令书（{docNo}），责令贵单位最迟于{complianceDueOn}（含当日）改正。改正事项和期限以书面指令书为准，本短信不作为送达。',
    vars: { caseNo: 'text', docNo: 'text', complianceDueOn: 'date' },
  },
  // 行政处罚法 第四十四、四十五条 (陈述、申辩), 第六十三、六十四条 (听证: 告知后五日内): the periods the written notice printed.
  INSPECTION_PENALTY_NOTICED_EMPLOYER: {
    channel: 'SMS',
    audience: 'EMPLOYER',
    text: '贵单位的劳动保障监察案件（案号{caseNo}）：劳动保障监察机构拟对贵单位作出行政处罚，已发出行政处罚告知书（{docNo}）。贵单位有权陈述、申辩，最迟于{statementDueOn}提出；符合听证条件的，可最迟于{hearingDueOn}要求听证。拟处罚内容、权利和期限以书面告知书为准，本短信不作为送达。',
    vars: { caseNo: 'text', docNo: 'text', statementDueOn: 'date', hearingDueOn: 'date' },
  },
  // 劳动保障监察条例 第十九条: before a 行政处理决定 the employer is told and heard (陈述、申辩), by the period printed.
  INSPECTION_HANDLING_NOTICED_EMPLOYER: {
    channel: 'SMS',
    audience: 'EMPLOYER',
    text: '贵单位的劳动保障监察案件（案号{caseNo}）：劳动保障监察机构拟对贵单位作出行政处理决定，已发出行政处理事先告知书（{docNo}）。贵单位有权陈述、申辩，最迟于{statementDueOn}提出。拟处理内容、权利和期限以书面告知书为准，本短信不作为送达。',
    vars: { caseNo: 'text', docNo: 'text', statementDueOn: 'date' },
  },
  // 行政处罚法 (2021) 第六十七条第三款 (第四十六条 before 2021): 罚款 within 15 days of receiving the decision (natural days);
  // 行政诉讼法 第四十六条 (six months) — all counted from the written decision's receipt, as the 决定书 prints.
  INSPECTION_PENALTY_DECIDED_EMPLOYER: {
    channel: 'SMS',
    audience: 'EMPLOYER',
    text: '贵单位的劳动保障监察案件（案号{caseNo}）：劳动保障监察机构已作出行政处罚决定书（{docNo}）。处罚内容以及缴纳罚款、申请行政复议、提起行政诉讼的期限以书面决定书为准，自收到书面决定书之日起计算；本短信不作为送达。',
    vars: { caseNo: 'text', docNo: 'text' },
  },
  // 劳动保障监察条例 第十八条第一款第（二）项 (行政处理决定); 行政诉讼法 第四十六条: remedies from the written decision's receipt.
  INSPECTION_HANDLING_DECIDED_EMPLOYER: {
    channel: 'SMS',
    audience: 'EMPLOYER',
    text: '贵单位的劳动保障监察案件（案号{caseNo}）：劳动保障监察机构已作出行政处理决定书（{docNo}）。决定内容、履行期限以及申请行政复议、提起行政诉讼的期限以书面决定书为准，自收到书面决定书之日起计算；本短信不作为送达。',
    vars: { caseNo: 'text', docNo: 'text' },
  },
} as const satisfies Record<string, TemplateDef>;
