/** 10 or more workers with a common claim against one employer form a collective dispute (调解仲裁法 第七条). */
export const COLLECTIVE_MIN_WORKERS = 10;
/** They may elect 3 to 5 representatives (调解仲裁法 第七条: 劳动者可以推举代表参加调解、仲裁或者诉讼活动; 办案规则: 三至五名). */
export const REPRESENTATIVES_MIN = 3;
export const REPRESENTATIVES_MAX = 5;

/** Whether the number of representatives is lawful: none (第七条: 可以, not 应当), or 3 to 5. */
export function representativesCountOk(n: number): boolean {
  return n === 0 || (n >= REPRESENTATIVES_MIN && n <= REPRESENTATIVES_MAX);
}
/** Platform policy: complaints received within this many days are grouped into one proposal. */
export const COLLECTIVE_WINDOW_DAYS = 30;

/** A member still in its dispute: not withdrawn (撤回) nor refused (不予受理); routed, told and claimed for. */
export function stillInDispute(status: string): boolean {
  return status !== 'WITHDRAWN' && status !== 'REJECTED';
}
