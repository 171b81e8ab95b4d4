import fc from 'fast-check';
import { reminderThreshold } from './deadline-reminder.rules';

describe('deadline reminders', () => {
  it('reaches 3 days, then 1 day; none before, none once breached or without a due date', () => {
    expect([5, 4, 3, 2, 1, 0, -1].map(reminderThreshold)).toEqual([null, null, 3, 3, 1, 1, null]);
    expect(reminderThreshold(null)).toBeNull();
  });

  it('a tighter threshold is never followed by a looser one as days run out', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), (d) => {
        const now = reminderThreshold(d);
        const later = reminderThreshold(d - 1 < 0 ? 0 : d - 1);
        return now === null || (later !== null && later <= now);
      }),
    );
  });
});
