// Login through Keycloak: authorization code + PKCE with the realm's public client (no password is ever typed
// into this app). oidc-client-ts refreshes the access token with the refresh token before it expires.
import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { reactive } from 'vue';

export const auth = reactive({ user: null, ready: false, error: null });
let manager;

async function settings() {
  const r = await fetch('/config.json');
  if (!r.ok) throw new Error('config.json: ' + r.status);
  return r.json();
}

export async function initAuth() {
  const cfg = await settings();
  const home = window.location.origin + '/';
  manager = new UserManager({
    authority: cfg.authority,
    client_id: cfg.clientId,
    redirect_uri: home,
    post_logout_redirect_uri: home,
    response_type: 'code',
    scope: 'openid profile',
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
  manager.events.addUserLoaded((u) => { auth.user = u; });
  manager.events.addUserUnloaded(() => { auth.user = null; });
  manager.events.addSilentRenewError(() => { auth.user = null; });
  try {
    const q = new URLSearchParams(window.location.search);
    if (q.has('code') && q.has('state')) {
      const u = await manager.signinRedirectCallback();
      const back = (u.state && u.state.hash) || '#/';
      window.history.replaceState({}, document.title, '/' + back);
      auth.user = u;
    } else if (q.has('error')) {
      auth.error = q.get('error_description') || q.get('error');
      window.history.replaceState({}, document.title, '/');
    } else {
      const u = await manager.getUser();
      auth.user = u && !u.expired ? u : null;
      if (u && u.expired) {
        try { auth.user = await manager.signinSilent(); } catch { auth.user = null; }
      }
    }
  } catch (e) {
    auth.error = e.message;
  }
  auth.ready = true;
}

export function login(locale) {
  return manager.signinRedirect({ state: { hash: window.location.hash || '#/' }, extraQueryParams: { ui_locales: locale } });
}

export function logout() {
  return manager.signoutRedirect();
}

/** A fresh access token (renewed first when it is about to expire). */
export async function accessToken() {
  let u = auth.user;
  if (u && u.expires_in !== undefined && u.expires_in < 20) {
    try { u = await manager.signinSilent(); auth.user = u; } catch { auth.user = null; u = null; }
  }
  return u ? u.access_token : null;
}

function claims(token) {
  const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(decodeURIComponent(escape(atob(part))));
}

/** The caller's roles per committee, from the token's committee_roles (group paths such as /100000/440000/440100/440112/member). */
export function rolesByCommittee() {
  const out = {};
  if (!auth.user) return out;
  const c = claims(auth.user.access_token);
  for (const path of c.committee_roles || []) {
    const parts = path.split('/').filter(Boolean);
    if (parts.length < 2) continue;
    const role = parts[parts.length - 1];
    const code = parts[parts.length - 2];
    (out[code] = out[code] || []).push(role);
  }
  return out;
}

export function isPlatformAdmin() {
  if (!auth.user) return false;
  const c = claims(auth.user.access_token);
  return ((c.realm_access && c.realm_access.roles) || []).includes('platform-admin');
}

export function displayName() {
  const p = (auth.user && auth.user.profile) || {};
  return p.family_name && p.given_name ? p.family_name + p.given_name : p.name || p.preferred_username || '';
}

export function username() {
  return (auth.user && auth.user.profile && auth.user.profile.preferred_username) || '';
}
