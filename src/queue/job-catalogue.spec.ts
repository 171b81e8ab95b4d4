import { JOB_SCHEDULES, JobName, PARTY_SMS_HOURS } from './job-catalogue';

/** The hour of a daily cron "m h * * *" (the only form scheduled work that texts parties uses). */
function dailyHour(cron: string): number {
  const [minute, hour, ...rest] = cron.split(' ');
  expect([/^\d+$/.test(minute), /^\d+$/.test(hour), rest]).toEqual([true, true, ['*', '*', '*']]);
  return Number(hour);
}

describe('job schedules', () => {
  it('scheduled work that texts workers or employers runs in the daytime, Asia/Shanghai', () => {
    const texting = JOB_SCHEDULES.filter((s) => s.textsParties);
    expect(texting.map((s) => s.job).sort()).toEqual(
      [JobName.ArbitrationLatenessSweep, JobName.MediationDailySweep].sort(),
    );
    for (const s of texting) {
      const hour = dailyHour(s.cron);
      expect([s.job, hour >= PARTY_SMS_HOURS.from && hour < PARTY_SMS_HOURS.to]).toEqual([s.job, true]);
    }
  });
});
