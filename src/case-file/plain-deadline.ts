import type { ClockView } from '../deadlines/deadlines.service';

/** A clock in words a worker understands (Chinese, as the platform's users read it). */
export function plainDeadline(c: Pick<ClockView, 'rule' | 'due' | 'daysRemaining' | 'state'>): string {
  const unit = c.rule.unit === 'WORKDAY' ? '个工作日' : '天';
  if (c.state === 'PAUSED') return `${c.rule.name.zh}：程序中止，期限暂停计算`;
  if (c.state === 'MET') return `${c.rule.name.zh}：已在期限内完成`;
  if (c.state === 'BREACHED') return `${c.rule.name.zh}：已于${c.due}到期（已超期）`;
  if (c.daysRemaining === 0) return `${c.rule.name.zh}：今天（${c.due}）到期`;
  return `${c.rule.name.zh}：${c.due}到期，还有${c.daysRemaining}${unit}`;
}
