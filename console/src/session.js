// Who is logged in, in which committees with which roles, and the committee being worked in (the switcher).
import { reactive, computed } from 'vue';
import { rolesByCommittee, isPlatformAdmin } from './auth.js';
import { get } from './api.js';

export const session = reactive({ loaded: false, committees: [], names: {}, parents: {}, current: localStorage.getItem('cppcc.committee') || '' });

export async function loadSession() {
  const roles = rolesByCommittee();
  try {
    for (const c of await get('/members/committees')) {
      session.names[c.code] = c.name;
      session.parents[c.code] = c.parentCode;
    }
  } catch {
    // names are a nicety: codes still work
  }
  session.committees = Object.keys(roles).sort().map((code) => ({ code, roles: roles[code] }));
  if (!session.committees.find((c) => c.code === session.current)) {
    session.current = session.committees.length ? session.committees[0].code : '';
  }
  session.loaded = true;
}

export function switchCommittee(code) {
  session.current = code;
  localStorage.setItem('cppcc.committee', code);
}

export const roles = computed(() => {
  const c = session.committees.find((x) => x.code === session.current);
  return c ? c.roles : [];
});

export const has = (role) => roles.value.includes(role);
export const admin = () => isPlatformAdmin();

/** /proposals/committees/{current}/… : a path under the current committee of one service. */
export function at(service, rest = '') {
  return `/${service}/committees/${session.current}${rest}`;
}

/** The current committee and every committee below it (staff above may read some figures of those: supervision). */
export function currentAndBelow() {
  const below = (code) => Object.keys(session.parents).filter((c) => session.parents[c] === code).flatMap((c) => [c, ...below(c)]);
  return [session.current, ...below(session.current)];
}
