/**
 * The username of a worker account. Workers sign in with their mobile number, which is stored only encrypted with
 * a blind index (users.login_phone_*); the username is derived from the account id so that it holds no personal
 * data. Staff usernames start with a letter and contain no ':', so the two never collide.
 */
export function workerUsername(userId: string): string {
  return `worker:${userId}`;
}
