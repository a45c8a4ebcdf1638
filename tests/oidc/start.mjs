// Starts the test OpenID provider (provider.mjs) for the browser tests; `stop()` ends it.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export async function startProvider() {
  const child = spawn(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), 'provider.mjs')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const issuer = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/READY (\S+)/);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`the test provider exited (${code}): ${out}`)));
  });
  return {
    issuer,
    /** The variables that connect buurtteam to it: `staff` and the DigiD stand-in `digid`. */
    env: {
      BUURTTEAM_OIDC_PROVIDERS: 'staff,digid',
      BUURTTEAM_OIDC_STAFF_NAME: 'Testaanbieder',
      BUURTTEAM_OIDC_STAFF_ISSUER: issuer,
      BUURTTEAM_OIDC_STAFF_CLIENT_ID: 'buurtteam-staff',
      BUURTTEAM_OIDC_STAFF_CLIENT_SECRET: 'test-secret',
      BUURTTEAM_OIDC_DIGID_KIND: 'digid',
      BUURTTEAM_OIDC_DIGID_ISSUER: issuer,
      BUURTTEAM_OIDC_DIGID_CLIENT_ID: 'buurtteam-digid',
      BUURTTEAM_OIDC_DIGID_CLIENT_SECRET: 'test-secret',
    },
    stop: () => { child.stdin.end(); child.kill(); },
  };
}
