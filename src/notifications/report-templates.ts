import type { TemplateDef } from './templates';

/**
 * Replies on a 举报's channel (the reporter is answered there and nowhere else, 劳动保障监察条例 第九条: 为举报人保密);
 * spread into TEMPLATES. Plain values only (this file is imported by templates.ts).
 */
export const REPORT_CHANNEL_TEMPLATES = {
  REPORT_INSPECTION_REFUSED: {
    channel: 'CASE_CHANNEL',
    audience: 'REPORTER',
    text: '您举报的事项（编号 {trackingNo}）经审查不予立案。理由：{reason}。{referral}',
    vars: { trackingNo: 'text', reason: 'text', referral: 'text' },
  },
  REPORT_INSPECTION_RECTIFICATION_ORDERED: {
    channel: 'CASE_CHANNEL',
    audience: 'REPORTER',
    text: '您举报的事项（编号 {trackingNo}）经调查，已责令用人单位最迟于{complianceDueOn}（含当日）改正。',
    vars: { trackingNo: 'text', complianceDueOn: 'date' },
  },
  // 监察条例 第十七条: the investigation extended with the head's approval, its new last day (INSPECTION_PERIOD_EXTENDED).
  REPORT_INSPECTION_EXTENDED: {
    channel: 'CASE_CHANNEL',
    audience: 'REPORTER',
    text: '您举报的事项（编号 {trackingNo}）情况复杂，经负责人批准延长调查期限，最迟应于{due}（含当日）调查完毕。',
    vars: { trackingNo: 'text', due: 'date' },
  },
  REPORT_INSPECTION_EXTENDED_PROVISIONAL: {
    channel: 'CASE_CHANNEL',
    audience: 'REPORTER',
    text: '您举报的事项（编号 {trackingNo}）情况复杂，经负责人批准延长调查期限，最迟应于{due}（含当日）调查完毕（暂定，待公布该年节假日安排后确认）。',
    vars: { trackingNo: 'text', due: 'date' },
  },
  // 监察条例 第九条: 对举报属实 … 提供主要线索和证据的举报人，给予奖励 — told on the channel only (the reporter may be
  // anonymous: the tracking number and access code are the only credential).
  REPORT_REWARD_DECIDED: {
    channel: 'CASE_CHANNEL',
    audience: 'REPORTER',
    text: '您举报的事项（编号 {trackingNo}）经查证属实，本机关决定给予举报奖励{amountFen}。请凭举报编号和查询码与本机关联系领取，本机关为您的身份保密。',
    vars: { trackingNo: 'text', amountFen: 'fen' },
  },
} as const satisfies Record<string, TemplateDef>;
