// A real OpenID provider for the tests (panva's certified `oidc-provider`), started by the HTTP
// tests (crates/cli/tests/api/sso.rs) and the browser tests (tests/e2e/sso.test.mjs). It
// listens on 127.0.0.1 on a free port and prints `READY <issuer>` when its discovery answers;
// it stops when its standard input closes (the test that started it ended).
//
// Clients (secret "test-secret" for all):
//   buurtteam-staff    staff log-in
//   buurtteam-digid    the DigiD broker stand-in (the ID token carries `bsn`)
//   buurtteam-wrong    like buurtteam-staff, but its ID tokens are re-signed by the provider's
//                      own key with another audience (to prove that we check it)
// Any redirect URI on 127.0.0.1 is accepted (the application's port differs per test).
//
// The log-in page (/interaction/<uid>) asks for the claims to give: `sub`, `email`, `name`,
// `bsn`, and `amr` (comma separated, e.g. "pwd,otp": a second factor the provider checked).
import http from 'node:http';
import { generateKeyPair, exportJWK, SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import Provider from 'oidc-provider';

const SECRET = 'test-secret';
const accounts = new Map();

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };

const server = http.createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;
const ttl = Number(process.env.OIDC_ID_TOKEN_TTL ?? 3600);

const client = (client_id) => ({
  client_id,
  client_secret: SECRET,
  redirect_uris: ['http://127.0.0.1/placeholder'],
  post_logout_redirect_uris: ['http://127.0.0.1/placeholder'],
  grant_types: ['authorization_code'],
  response_types: ['code'],
  token_endpoint_auth_method: 'client_secret_basic',
});

const provider = new Provider(issuer, {
  clients: [client('buurtteam-staff'), client('buurtteam-digid'), client('buurtteam-wrong')],
  jwks: { keys: [jwk] },
  pkce: { required: () => true },
  scopes: ['openid', 'email', 'profile'],
  claims: { acr: null, auth_time: null, sid: null, openid: ['sub', 'bsn', 'amr'], email: ['email', 'email_verified'], profile: ['name'] },
  conformIdTokenClaims: false,
  ttl: { IdToken: ttl, AccessToken: 600, AuthorizationCode: 60, Interaction: 600, Session: 3600, Grant: 3600 },
  features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true, logoutSource } },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  cookies: { keys: ['test-cookie-key'] },
  findAccount: (ctx, id) => ({
    accountId: id,
    claims: () => ({ sub: id, ...(accounts.get(id) ?? {}) }),
  }),
  // First-party clients: no consent step.
  loadExistingGrant: async (ctx) => {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
});
provider.proxy = false;
// The application listens on a port chosen per test.
const local = (uri) => { try { return new URL(uri).hostname === '127.0.0.1'; } catch { return false; } };
provider.Client.prototype.redirectUriAllowed = local;
provider.Client.prototype.postLogoutRedirectUriAllowed = local;

async function logoutSource(ctx, form) {
  // Log out without asking: submit the provider's own form at once.
  ctx.body = `<!doctype html><html lang="en"><head><title>Logging out</title></head><body>${form}
<script>document.forms[0].submit()</script><noscript><button form="op.logoutForm" name="logout" value="yes">Log out</button></noscript></body></html>`;
}

const page = (uid, error = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test provider</title></head>
<body><main><h1>Test identity provider</h1>${error}
<form method="post" action="/interaction/${uid}">
<p><label for="sub">Subject</label> <input id="sub" name="sub" required></p>
<p><label for="email">E-mail</label> <input id="email" name="email"></p>
<p><label for="name">Name</label> <input id="name" name="name"></p>
<p><label for="bsn">BSN</label> <input id="bsn" name="bsn"></p>
<p><label for="amr">Methods (amr)</label> <input id="amr" name="amr" value="pwd"></p>
<p><button type="submit">Log in</button></p>
</form></main></body></html>`;

const readForm = (req) => new Promise((resolve) => {
  let body = '';
  req.on('data', (c) => { body += c; });
  req.on('end', () => resolve(new URLSearchParams(body)));
});

const oidc = provider.callback();
server.on('request', async (req, res) => {
  try {
    const m = req.url.match(/^\/interaction\/([^/?]+)/);
    if (m) {
      const details = await provider.interactionDetails(req, res);
      if (req.method === 'GET') {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(page(details.uid));
        return;
      }
      const form = await readForm(req);
      const sub = form.get('sub');
      const claims = {};
      for (const k of ['email', 'name', 'bsn']) if (form.get(k)) claims[k] = form.get(k);
      if (claims.email) claims.email_verified = true;
      accounts.set(sub, claims);
      // The methods used, as the ID token's `amr`.
      const amr = (form.get('amr') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      await provider.interactionFinished(req, res, { login: { accountId: sub, amr: amr.length ? amr : undefined } }, { mergeWithLastSubmission: false });
      return;
    }
    if (req.url.startsWith('/token') && req.method === 'POST') {
      return wrongAudience(req, res);
    }
    oidc(req, res);
  } catch (e) {
    res.statusCode = 500;
    res.end(String(e));
  }
});

// For buurtteam-wrong: the token answer's ID token, re-signed with another audience.
function wrongAudience(req, res) {
  const auth = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
  if (!auth.startsWith('buurtteam-wrong:')) return oidc(req, res);
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  const chunks = [];
  res.write = (c) => { chunks.push(Buffer.from(c)); return true; };
  res.end = (c) => {
    if (c) chunks.push(Buffer.from(c));
    (async () => {
      let body = Buffer.concat(chunks).toString();
      try {
        const json = JSON.parse(body);
        if (json.id_token) {
          const claims = decodeJwt(json.id_token);
          const header = decodeProtectedHeader(json.id_token);
          json.id_token = await new SignJWT({ ...claims, aud: 'someone-else' }).setProtectedHeader(header).sign(privateKey);
          body = JSON.stringify(json);
          res.setHeader('content-length', Buffer.byteLength(body));
        }
      } catch { /* not JSON: pass it on */ }
      write(body);
      end();
    })();
    return res;
  };
  oidc(req, res);
}

// Ready when discovery answers.
const answer = await fetch(`${issuer}/.well-known/openid-configuration`);
if (!answer.ok) throw new Error(`discovery answered ${answer.status}`);
process.stdout.write(`READY ${issuer}\n`);
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
