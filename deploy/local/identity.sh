# Sourced by scripts that act as people on the running platform (demo.sh, reconcile and the like):
# creates a person in the development realm through Keycloak's admin API and prints an access token
# for them (password grant, enabled only in the development realm). Needs curl and jq.
#   token=$(person_token OWNER_ID [ROLE ...])     roles default to trader
KC_URL=${C2C_KEYCLOAK_URL:-http://127.0.0.1:8180}
KC_REALM=c2c

_kc_admin_token() {
  curl -fsS -d grant_type=password -d client_id=admin-cli \
    -d "username=${C2C_KEYCLOAK_ADMIN:-admin}" -d "password=${C2C_KEYCLOAK_ADMIN_PASSWORD:-admin}" \
    "$KC_URL/realms/master/protocol/openid-connect/token" | jq -r .access_token
}

person_token() {
  local owner="$1"; shift
  local roles=("$@"); [ ${#roles[@]} -gt 0 ] || roles=(trader)
  local username password admin id role reps
  username="$(tr 'A-Z' 'a-z' <<<"$owner" | tr -c 'a-z0-9._\n-' '_').$(IFS=-; echo "${roles[*]}")"
  password="pw-$username"
  admin=$(_kc_admin_token) || { echo "Keycloak at $KC_URL does not answer" >&2; return 1; }
  curl -sS -o /dev/null -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d "$(jq -n --arg u "$username" --arg o "$owner" --arg p "$password" '{username:$u, enabled:true, emailVerified:true,
         email:($u+"@demo.c2c.local"), firstName:"Demo", lastName:"User", attributes:{owner_id:[$o]},
         credentials:[{type:"password", value:$p, temporary:false}]}')" \
    "$KC_URL/admin/realms/$KC_REALM/users"
  id=$(curl -fsS -H "Authorization: Bearer $admin" "$KC_URL/admin/realms/$KC_REALM/users?exact=true&username=$username" | jq -r '.[0].id')
  [ -n "$id" ] && [ "$id" != null ] || { echo "could not create $username in Keycloak" >&2; return 1; }
  reps=$(for role in "${roles[@]}"; do
    curl -fsS -H "Authorization: Bearer $admin" "$KC_URL/admin/realms/$KC_REALM/roles/$role"; done | jq -s .)
  curl -fsS -o /dev/null -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -d "$reps" \
    "$KC_URL/admin/realms/$KC_REALM/users/$id/role-mappings/realm"
  curl -fsS -d grant_type=password -d client_id=c2c-frontend -d "username=$username" -d "password=$password" \
    "$KC_URL/realms/$KC_REALM/protocol/openid-connect/token" | jq -r .access_token
}
