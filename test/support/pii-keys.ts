/**
 * The personal-data keys of the test template and every test app: one constant, since the template's seeded rows
 * (the demo worker) are sealed and indexed with it, and a spec may restart an app on the same database.
 */
export const TEST_PII_KEYS = `t1:${Buffer.alloc(32, 0x5a).toString('base64')}`;
