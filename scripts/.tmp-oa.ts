import { testBackends } from '../packages/db/src/testing.ts';
import { startTestNode } from '../packages/server/src/testing/test-node.ts';
const t = await startTestNode(testBackends()[0]!, {}, { changeAdminPassword: false });
try { t.node.app.swagger(); console.log('ok'); } catch (e) { console.log(e); }
await t.close();
