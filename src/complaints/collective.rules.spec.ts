import { representativesCountOk } from './collective.rules';

describe('collective representatives (调解仲裁法 第七条: 可以推举代表; 办案规则: 三至五名)', () => {
  it('none, or three to five', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].filter(representativesCountOk)).toEqual([0, 3, 4, 5]);
  });
});
