import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';
import { colleaguesLink } from '../../staff/colleagues';
import { DUTY_RULES } from '../inspection-duties.rules';

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

/**
 * The inspectors who investigated (`inspectorIds`), on every request that names them (立案, the record of an
 * investigation, findings in an order): at least 2 different ones (DUTY_RULES.MIN_INSPECTORS, 第十六条), at most 10.
 */
export const InvestigatingTeam = () =>
  applyDecorators(
    IsArray(),
    ArrayMinSize(DUTY_RULES.MIN_INSPECTORS, TEAM_OF_TWO),
    ArrayMaxSize(10),
    ArrayUnique(),
    IsUUID('all', { each: true }),
  );
