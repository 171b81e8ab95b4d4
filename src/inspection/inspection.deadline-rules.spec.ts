import { inspectionLookback } from './inspection.deadline-rules';

describe('inspectionLookback', () => {
  it('looks back two years from the violation, or from the end of a continuing one', () => {
    expect(inspectionLookback('2023-05-15', '2025-05-15')).toEqual({
      withinLimit: true,
      limitDate: '2025-05-15',
      basis: expect.stringContaining('第二十条'),
      provisional: false,
    });
    expect(inspectionLookback('2023-05-15', '2025-05-16').withinLimit).toBe(false);
    expect(inspectionLookback('2024-02-29', '2026-03-01').limitDate).toBe('2026-02-28');
    expect(inspectionLookback(null, '2025-05-16')).toMatchObject({ withinLimit: true, limitDate: null });
    expect(() => inspectionLookback('2023-05-15', '16 May')).toThrow(RangeError);
  });
});
