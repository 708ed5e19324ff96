#!/usr/bin/env python3
"""Writes cppcc-realm.json: the demo realm (committee group tree, role subgroups, clients, demo users), and
../k8s/base/keycloak/realm-import.json: the same realm for a real deployment, as the Keycloak operator's
KeycloakRealmImport: no users, no committees (onboarded through members-service's API), the client secret and
the apps' host from the deployment's own Secret and settings (the operator's placeholders).

Committees are groups named by their GB/T 2260 code, nested national -> provincial -> city -> district.
Under each committee, one subgroup per role; a user holds a role in a committee by being in that subgroup,
and the cppcc-app client puts the full group paths into the access token's `committee_roles` claim.
User ids are fixed (uuid5 of the user name) so that demo data can refer to them.
Run it after editing, and commit both files.
"""
import json
import pathlib
import uuid

NS = uuid.UUID('6f1c1f56-8e0a-4a57-9a2b-2f1d0c0a7e11')
ROLES = ["member", "proposal-office", "handling-unit", "consultation-office", "leader", "committee-admin"]
TREE = ("100000", "全国政协", "national", [
    ("110000", "北京市政协", "provincial", [("110115", "北京市大兴区政协", "district", [])]),
    ("440000", "广东省政协", "provincial", [
        ("440100", "广州市政协", "city", [("440112", "广州市黄埔区政协", "district", [])]),
        ("440300", "深圳市政协", "city", []),
    ]),
])


def group(node):
    code, name, level, children = node
    subs = [{"name": r, "attributes": {"role": [r]}, "subGroups": []} for r in ROLES]
    subs += [group(c) for c in children]
    return {"name": code, "attributes": {"committee_name": [name], "level": [level]}, "subGroups": subs}


PATHS = {}


def walk(node, prefix=""):
    code, _, _, children = node
    PATHS[code] = prefix + "/" + code
    for c in children:
        walk(c, PATHS[code])


walk(TREE)


def user(username, family, given, roles, realm_roles=()):
    return {
        "id": str(uuid.uuid5(NS, username)), "username": username, "enabled": True,
        "firstName": given, "lastName": family, "email": f"{username}@demo.cppcc.local", "emailVerified": True,
        "credentials": [{"type": "password", "value": "demo", "temporary": False}],
        "groups": [PATHS[c] + "/" + r for c, r in roles],
        "realmRoles": ["default-roles-cppcc", *realm_roles], "requiredActions": [],
    }


USERS = [
    user("hp-member", "张", "伟", [("440112", "member")]),
    user("hp-member2", "李", "华", [("440112", "member")]),
    user("hp-staff", "李", "敏", [("440112", "proposal-office"), ("440112", "consultation-office")]),
    user("hp-unit", "王", "强", [("440112", "handling-unit")]),
    user("hp-unit2", "赵", "刚", [("440112", "handling-unit")]),
    user("gz-member", "陈", "芳", [("440100", "member"), ("440000", "member")]),
    user("gz-staff", "刘", "静", [("440100", "proposal-office")]),
    user("gz-unit", "黄", "磊", [("440100", "handling-unit")]),
    user("gd-staff", "赵", "洋", [("440000", "proposal-office")]),
    user("qg-staff", "孙", "建华", [("100000", "proposal-office")]),
    user("sz-staff", "林", "海", [("440300", "proposal-office")]),
    user("dx-member", "周", "军", [("110115", "member")]),
    user("hp-admin", "孙", "丽", [("440112", "committee-admin")]),
    user("hp-leader", "林", "国栋", [("440112", "leader")]),
    user("admin", "平台", "管理员", [], ["platform-admin"]),
]

def person_attribute(name, display):
    return {"name": name, "displayName": display, "multivalued": False,
            "validations": {"length": {"max": 255}, "person-name-prohibited-characters": {}},
            "permissions": {"view": ["admin", "user"], "edit": ["admin", "user"]}}


# The user profile: Chinese names are 姓 (lastName) and 名 (firstName), neither required, and no e-mail is
# required either (many members have none), so an account the registry makes can always log in. Attributes
# outside the profile (the registry's bookkeeping, the full name as written) are for administrators only.
USER_PROFILE = {
    "unmanagedAttributePolicy": "ADMIN_EDIT",
    "attributes": [
        {"name": "username", "displayName": "${username}", "multivalued": False,
         "validations": {"length": {"min": 2, "max": 64}, "username-prohibited-characters": {},
                         "up-username-not-idn-homograph": {}},
         "permissions": {"view": ["admin", "user"], "edit": ["admin"]}},
        {"name": "email", "displayName": "${email}", "multivalued": False,
         "validations": {"email": {}, "length": {"max": 255}},
         "permissions": {"view": ["admin", "user"], "edit": ["admin", "user"]}},
        person_attribute("lastName", "${lastName}"),
        person_attribute("firstName", "${firstName}"),
    ],
}

realm = {
    "realm": "cppcc", "enabled": True, "displayName": "数字政协 Digital CPPCC",
    "accessTokenLifespan": 900, "ssoSessionIdleTimeout": 3600,
    "internationalizationEnabled": True, "supportedLocales": ["zh-CN", "en"], "defaultLocale": "zh-CN",
    "registrationAllowed": False, "bruteForceProtected": False,
    "roles": {"realm": [{"name": "platform-admin",
                         "description": "Platform operator: registers committees and runs the platform"}]},
    "groups": [group(TREE)],
    "components": {"org.keycloak.userprofile.UserProfileProvider": [
        {"providerId": "declarative-user-profile", "subComponents": {},
         "config": {"kc.user.profile.config": [json.dumps(USER_PROFILE, ensure_ascii=False)]}}]},
    "clients": [
        {"clientId": "cppcc-app", "name": "数字政协 app (members' and staff's mobile and web apps)", "enabled": True,
         "publicClient": True, "standardFlowEnabled": True, "directAccessGrantsEnabled": True,
         "redirectUris": ["cppcc://oauth/callback", "http://localhost:8080/*"], "webOrigins": ["+"],
         "attributes": {"pkce.code.challenge.method": "S256", "post.logout.redirect.uris": "cppcc://oauth/logout"},
         "protocolMappers": [
             {"name": "api audience", "protocol": "openid-connect", "protocolMapper": "oidc-audience-mapper",
              "config": {"included.custom.audience": "cppcc-api", "access.token.claim": "true", "id.token.claim": "false",
                         "introspection.token.claim": "true"}},
             {"name": "committee roles", "protocol": "openid-connect", "protocolMapper": "oidc-group-membership-mapper",
              "config": {"full.path": "true", "claim.name": "committee_roles", "access.token.claim": "true",
                         "id.token.claim": "true", "userinfo.token.claim": "true",
                         "introspection.token.claim": "true"}}]},
        {"clientId": "members-service", "name": "members-service (Keycloak admin API)", "enabled": True,
         "publicClient": False, "secret": "members-service-secret", "serviceAccountsEnabled": True,
         "standardFlowEnabled": False, "directAccessGrantsEnabled": False},
    ],
    "users": USERS + [{
        "username": "service-account-members-service", "enabled": True, "serviceAccountClientId": "members-service",
        "realmRoles": ["default-roles-cppcc"],
        "clientRoles": {"realm-management": ["manage-users", "view-users", "query-groups", "query-users"]}}],
}

out = pathlib.Path(__file__).with_name("cppcc-realm.json")
out.write_text(json.dumps(realm, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
for u in USERS:
    print(f"{u['username']:10} {u['id']}")

# A real deployment's realm: what the platform needs and nothing of the demo's. ${...} are the Keycloak
# operator's placeholders, filled from the Secret named in the import (nothing secret is in the repository).
production = {k: v for k, v in realm.items() if k not in ("users", "groups")}
production["bruteForceProtected"] = True
production["clients"] = json.loads(json.dumps(realm["clients"]))
app, members = production["clients"]
app["directAccessGrantsEnabled"] = False  # the apps log in with the authorization code + PKCE only
app["redirectUris"] = ["cppcc://oauth/callback", "https://${CPPCC_APP_HOST}/*"]
app["webOrigins"] = ["https://${CPPCC_APP_HOST}"]
members["secret"] = "${CPPCC_MEMBERS_CLIENT_SECRET}"
production["users"] = [realm["users"][-1]]  # the service account of members-service only
realm_import = {
    "apiVersion": "k8s.keycloak.org/v2alpha1", "kind": "KeycloakRealmImport",
    "metadata": {"name": "cppcc", "labels": {"app.kubernetes.io/part-of": "cppcc"}},
    "spec": {
        "keycloakCRName": "cppcc-keycloak",
        "placeholders": {
            "CPPCC_MEMBERS_CLIENT_SECRET": {"secret": {"name": "cppcc-members-client", "key": "secret"}},
            "CPPCC_APP_HOST": {"secret": {"name": "cppcc-members-client", "key": "app-host"}},
        },
        "realm": production,
    },
}
k8s = pathlib.Path(__file__).parent.parent / "k8s" / "base" / "keycloak" / "realm-import.json"
k8s.parent.mkdir(parents=True, exist_ok=True)
k8s.write_text(json.dumps(realm_import, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
