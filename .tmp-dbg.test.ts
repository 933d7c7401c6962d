import { startHarness } from './test/support/harness.ts';
import { signIn } from './test/support/operator.ts';
const h = await startHarness();
const r = await signIn(h.app, 'bari', 'anagrafe.bari');
const x = await r.request({ method: 'GET', url: '/api/v1/bari/operator/applications?assignee=none' });
console.log(x.statusCode, x.body.slice(0, 400));
await h.close();
