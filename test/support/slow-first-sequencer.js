const Sequencer = require('@jest/test-sequencer').default;

/**
 * Jest's order, with the suites known to run for minutes first. On a clean clone (CI) Jest has no timings cached and
 * orders by file size, so the short fuzz and pudong-history specs started last and ran on one worker while the other
 * sat idle (CI on 2026-12-07: the fuzz spec ended the run alone, 258 s after it began).
 */
const SLOW_FIRST = [
  'test/e2e/fuzz.e2e-spec.ts',
  'test/e2e/sla-pudong-incremental.e2e-spec.ts',
  'test/e2e/dashboard.e2e-spec.ts',
  'test/e2e/embedded-default.e2e-spec.ts',
];

class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const rank = (t) => {
      const i = SLOW_FIRST.findIndex((p) => t.path.replace(/\\/g, '/').endsWith(p));
      return i === -1 ? SLOW_FIRST.length : i;
    };
    // Array.prototype.sort is stable: the rest keep Jest's order.
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}

module.exports = SlowFirstSequencer;
