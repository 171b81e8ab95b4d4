import { MEDIATION_GROUP_MEMBER_TEMPLATES, MEDIATION_TEMPLATES } from './mediation-templates';

type Id = keyof typeof MEDIATION_TEMPLATES;

/** A text telling its reader that they themselves may apply for arbitration (or do so in one tap). */
const TELLS_READER_TO_APPLY = /您(仍)?可以[^。；]*申请[^。；]*仲裁|一键申请/;
/** Sent only for a complaint of no collective dispute (MediationNotices.dueSoon sends a dispute the _GROUP text). */
const INDIVIDUAL_ONLY: readonly Id[] = ['MEDIATION_INSTALMENT_DUE_SOON_WORKER'];

const variants = Object.entries(MEDIATION_GROUP_MEMBER_TEMPLATES) as [Id, Id][];
const groupMemberIds = new Set(variants.map(([, v]) => v));

describe('what a member of a collective dispute who does not act for the group is told (调解仲裁法 第七条)', () => {
  const toWorkers = (Object.keys(MEDIATION_TEMPLATES) as Id[]).filter(
    (id) =>
      MEDIATION_TEMPLATES[id].audience === 'WORKER' &&
      !INDIVIDUAL_ONLY.includes(id) &&
      !groupMemberIds.has(id),
  );

  it.each(toWorkers.filter((id) => TELLS_READER_TO_APPLY.test(MEDIATION_TEMPLATES[id].text)))(
    '%s tells its reader they may apply for arbitration: a member who does not act for the group gets another text',
    (id) => {
      expect(Object.hasOwn(MEDIATION_GROUP_MEMBER_TEMPLATES, id)).toBe(true);
    },
  );

  it.each(variants)(
    '%s → %s: the representatives apply for the group, not the reader; the same variables',
    (id, variant) => {
      const [def, member] = [MEDIATION_TEMPLATES[id], MEDIATION_TEMPLATES[variant]];
      expect([member.channel, member.audience]).toEqual([def.channel, def.audience]);
      expect(member.vars).toEqual(def.vars);
      expect(member.text).not.toMatch(TELLS_READER_TO_APPLY);
      expect(member.text).toContain('您所在的集体劳动争议（编号{trackingNo}）');
      expect(member.text).toContain('集体争议推举的代表可以依法为全体劳动者申请');
    },
  );

  it('no group-member text has a group-member text of its own', () => {
    for (const [, variant] of variants)
      expect(Object.hasOwn(MEDIATION_GROUP_MEMBER_TEMPLATES, variant)).toBe(false);
  });
});
