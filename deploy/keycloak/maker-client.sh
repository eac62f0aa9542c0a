#!/usr/bin/env bash
# Creates a maker client for a merchant in realm c2c: a confidential client (client credentials only)
# whose tokens carry the merchant's owner id (claim owner_id) and the merchant role. A merchant may
# have several. Prints the client id and the secret Keycloak generated (shown once: store it).
#   deploy/keycloak/maker-client.sh OWNER_ID CLIENT_ID
# Environment: C2C_KEYCLOAK_URL (default http://127.0.0.1:8180), C2C_KEYCLOAK_ADMIN / _PASSWORD
# (an administrator of the master realm; default admin/admin, the development bootstrap admin).
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 OWNER_ID CLIENT_ID" >&2; exit 2; }
owner="$1"; client="$2"
url=${C2C_KEYCLOAK_URL:-http://127.0.0.1:8180}
[[ "$owner" =~ ^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$ ]] || { echo "owner id: 1-64 of A-Za-z0-9._@-" >&2; exit 2; }
admin=$(curl -fsS -d grant_type=password -d client_id=admin-cli -d "username=${C2C_KEYCLOAK_ADMIN:-admin}" \
  -d "password=${C2C_KEYCLOAK_ADMIN_PASSWORD:-admin}" "$url/realms/master/protocol/openid-connect/token" | jq -r .access_token)
auth=(-H "Authorization: Bearer $admin")
curl -fsS "${auth[@]}" -H 'Content-Type: application/json' "$url/admin/realms/c2c/clients" -d "$(jq -n \
  --arg c "$client" --arg o "$owner" '{clientId:$c, enabled:true, publicClient:false, serviceAccountsEnabled:true,
   standardFlowEnabled:false, directAccessGrantsEnabled:false, description:("maker client of " + $o),
   protocolMappers:[
    {name:"audience c2c-api", protocol:"openid-connect", protocolMapper:"oidc-audience-mapper",
     config:{"included.custom.audience":"c2c-api","access.token.claim":"true"}},
    {name:"owner id", protocol:"openid-connect", protocolMapper:"oidc-hardcoded-claim-mapper",
     config:{"claim.name":"owner_id","claim.value":$o,"jsonType.label":"String","access.token.claim":"true"}}]}')"
id=$(curl -fsS "${auth[@]}" "$url/admin/realms/c2c/clients?clientId=$client" | jq -r '.[0].id')
account=$(curl -fsS "${auth[@]}" "$url/admin/realms/c2c/clients/$id/service-account-user" | jq -r .id)
role=$(curl -fsS "${auth[@]}" "$url/admin/realms/c2c/roles/merchant")
curl -fsS "${auth[@]}" -H 'Content-Type: application/json' -d "[$role]" \
  "$url/admin/realms/c2c/users/$account/role-mappings/realm"
secret=$(curl -fsS "${auth[@]}" "$url/admin/realms/c2c/clients/$id/client-secret" | jq -r .value)
echo "client_id=$client"
echo "client_secret=$secret"
