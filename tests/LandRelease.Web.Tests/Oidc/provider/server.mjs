// A certified OpenID Connect provider (panva/oidc-provider) for the tests, on 127.0.0.1 only.
// Usage: node server.mjs PORT REDIRECT_URI. Prints "ready" once it listens. Any password signs in
// (the library's development login form); the people and their claims are below.
import Provider from 'oidc-provider';

const [port, redirectUri] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;

const people = {
  'sokha.chan': { preferred_username: 'sokha.chan', name: 'Sokha Chan', role: 'national-authority', country: ['KHM'], org: 'CMAA' },
  'no.role': { preferred_username: 'no.role', name: 'No Role' },
};

const provider = new Provider(issuer, {
  clients: [{
    client_id: 'landrelease',
    client_secret: 'landrelease-test-secret',
    redirect_uris: [redirectUri],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  }],
  scopes: ['openid', 'profile', 'landrelease'],
  claims: { openid: ['sub'], profile: ['name', 'preferred_username'], landrelease: ['role', 'country', 'org'] },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['landrelease-test-cookie-key'] },
  async findAccount(ctx, id) {
    return { accountId: id, async claims() { return { sub: id, ...(people[id] ?? {}) }; } };
  },
});

// The library's development login pages import a web font; the tests allow no host but the app's and this one.
provider.use(async (ctx, next) => {
  await next();
  if (typeof ctx.body === 'string' && ctx.type?.includes('html')) {
    ctx.body = ctx.body.replace(/@import url\(https:\/\/fonts\.googleapis\.com[^)]*\);?/g, '');
  }
});

provider.listen(Number(port), '127.0.0.1', () => console.log('ready'));
