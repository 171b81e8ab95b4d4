import { MigrationInterface, QueryRunner } from 'typeorm';

/** The prefix of every citation the grading rules stored before this migration, and the one they store now. */
const OLD = '人社部规〔2016〕1号 第六条';
const NEW = '人社部规〔2016〕1号 第七条';

/**
 * The grades' stored reasons cite the article that sets the grades and their criteria: 第七条 of
 * 《企业劳动保障守法诚信等级评价办法》 (人社部规〔2016〕1号; 人社部负责人答记者问, 2016-08-04: 办法第七条将企业劳动保障守法诚信等级
 * 划分为A级、B级和C级), not 第六条 as the rules said until now. Rewrites the citation of every reason in
 * `employer_grades.reasons` that starts with the old prefix, keeping the order of the reasons and their other fields.
 */
export class GradingCitationArticle1796400002500 implements MigrationInterface {
  name = 'GradingCitationArticle1796400002500';

  public async up(q: QueryRunner): Promise<void> {
    await rewrite(q, OLD, NEW);
  }

  public async down(q: QueryRunner): Promise<void> {
    await rewrite(q, NEW, OLD);
  }
}

async function rewrite(q: QueryRunner, from: string, to: string): Promise<void> {
  await q.query(
    `UPDATE employer_grades g
        SET reasons = (SELECT jsonb_agg(CASE WHEN starts_with(r.reason->>'citation', $1)
                                             THEN jsonb_set(r.reason, '{citation}',
                                                            to_jsonb($2 || substr(r.reason->>'citation', length($1) + 1)))
                                             ELSE r.reason END
                                        ORDER BY r.ord)
                         FROM jsonb_array_elements(g.reasons) WITH ORDINALITY AS r(reason, ord))
      WHERE jsonb_typeof(g.reasons) = 'array'
        AND EXISTS (SELECT 1 FROM jsonb_array_elements(g.reasons) AS e(reason)
                     WHERE starts_with(e.reason->>'citation', $1))`,
    [from, to],
  );
}
