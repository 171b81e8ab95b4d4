const Sequencer = require('@jest/test-sequencer').default;

/**
 * Jest's order, with the suites known to run for minutes first. On a clean clone (CI) Jest has no timings cached and
 * orders by file size, so the short fuzz and pudong-history specs started last and ran on one worker while the other
 * sat idle (CI on 2026-12-07: the fuzz spec ended the run alone, 258 s after it began). The SOLO specs of
 * e2e-groups.js are those.
 */
const { SOLO: SLOW_FIRST } = require('./e2e-groups');

class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const rank = (t) => {
      const i = SLOW_FIRST.findIndex((p) => t.path.replace(/\\/g, '/').endsWith(p));
      if (i !== -1) return i;
      // The e2e groups (a minute or more each) next, then the rest (unit specs of seconds) to fill the end.
      return t.path.endsWith('.e2e-group.ts') ? SLOW_FIRST.length : SLOW_FIRST.length + 1;
    };
    // Array.prototype.sort is stable: the rest keep Jest's order.
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}

module.exports = SlowFirstSequencer;
