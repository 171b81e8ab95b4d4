import { colleaguesLink } from '../../staff/colleagues';

/**
 * Too few inspectors (劳动保障监察条例 第十六条: 调查、检查不得少于2人): the 400 says where the ids of colleagues the case
 * accepts are listed.
 */
export const TEAM_OF_TWO = {
  message: `an investigation needs at least 2 inspectors (劳动保障监察条例 第十六条); the inspectors you may name: GET ${colleaguesLink('INSPECTION')}`,
  context: {
    zh: `至少须有 2 名监察员（劳动保障监察条例 第十六条）；可指定的监察员见 GET ${colleaguesLink('INSPECTION')}`,
  },
};
