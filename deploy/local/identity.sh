# Sourced by scripts that act as people on the running platform (demo.sh, reconcile and the like):
# creates a person in the development realm through Keycloak's admin API and prints an access token
# for them (password grant, enabled only in the development realm). Needs curl and jq (and openssl for OTP).
#   token=$(person_token OWNER_ID [ROLE ...])     roles default to trader
#   person_with_otp OWNER_ID [ROLE ...]           a person with an OTP (TOTP) credential: prints the secret for an
#                                                 authenticator app and a step-up token (amr pwd+otp; ADR 0014)
#   totp_code SECRET                              the current 6-digit code for a secret person_with_otp made
# Run directly for manual use: identity.sh token OWNER_ID [ROLE ...] | identity.sh stepup OWNER_ID [ROLE ...]
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

# totp_code SECRET: RFC 6238 (HMAC-SHA1, 6 digits, 30 s), keyed as Keycloak keys it: the secret's UTF-8 bytes.
totp_code() {
  local key step hex hash offset binary
  key=$(printf %s "$1" | od -An -tx1 | tr -d ' \n')
  step=$(( $(date +%s) / 30 ))
  hex=$(printf '%016x' "$step")
  hash=$(printf "$(sed 's/../\\x&/g' <<<"$hex")" | openssl dgst -sha1 -mac HMAC -macopt "hexkey:$key" | awk '{print $NF}')
  offset=$(( 16#${hash:39:1} * 2 ))
  binary=$(( 16#${hash:$offset:8} & 0x7fffffff ))
  printf '%06d\n' $(( binary % 1000000 ))
}

# person_with_otp OWNER_ID [ROLE ...]: (re)creates the person <owner>.<roles>.otp with password and a fresh OTP
# secret (a partial import: the admin API sets no OTP secret of our choosing) and prints
#   otp-secret <value>            the secret as Keycloak stores it (totp_code takes this)
#   otp-secret-base32 <value>     the same key for an authenticator app
#   username <name> / password <pw>
#   step-up-token <jwt>           password + current code through c2c-stepup: amr ["pwd","otp"], iat now
# A person with OTP signing in with person_token's frontend client must give a code too (form field totp).
person_with_otp() {
  local owner="$1"; shift
  local roles=("$@"); [ ${#roles[@]} -gt 0 ] || roles=(trader)
  local username password secret admin body answer token
  username="$(tr 'A-Z' 'a-z' <<<"$owner" | tr -c 'a-z0-9._\n-' '_').$(IFS=-; echo "${roles[*]}").otp"
  password="pw-$username"
  secret=$(LC_ALL=C tr -dc 'a-z0-9' </dev/urandom | head -c 24)
  admin=$(_kc_admin_token) || { echo "Keycloak at $KC_URL does not answer" >&2; return 1; }
  [ "$(curl -fsS -H "Authorization: Bearer $admin" "$KC_URL/admin/realms/$KC_REALM/clients?clientId=c2c-stepup" | jq length)" = 1 ] \
    || { echo "realm $KC_REALM has no c2c-stepup client: its Keycloak was started from an older realm file" \
              "(restart it with deploy/local/keycloak.sh, or run a test that uses Keycloak.personWithOtp)" >&2; return 1; }
  body=$(jq -n --arg u "$username" --arg o "$owner" --arg p "$password" --arg s "$secret" --arg realm "$KC_REALM" \
    --args '{ifResourceExists:"OVERWRITE", users:[{username:$u, enabled:true, emailVerified:true,
      email:($u+"@demo.c2c.local"), firstName:"Demo", lastName:"User", attributes:{owner_id:[$o]},
      realmRoles:($ARGS.positional + ["default-roles-"+$realm]),
      credentials:[{type:"password", value:$p, temporary:false},
        {type:"otp", userLabel:"identity.sh", secretData:({value:$s}|tojson),
         credentialData:({subType:"totp", digits:6, counter:0, period:30, algorithm:"HmacSHA1"}|tojson)}]}]}' "${roles[@]}")
  curl -fsS -o /dev/null -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -d "$body" \
    "$KC_URL/admin/realms/$KC_REALM/partialImport" || { echo "could not create $username in Keycloak" >&2; return 1; }
  answer=$(curl -sS -d grant_type=password -d client_id=c2c-stepup -d "username=$username" -d "password=$password" \
    -d "totp=$(totp_code "$secret")" "$KC_URL/realms/$KC_REALM/protocol/openid-connect/token")
  token=$(jq -r '.access_token // empty' <<<"$answer")
  [ -n "$token" ] || { echo "step-up sign-in of $username refused: $answer" >&2; return 1; }
  echo "otp-secret $secret"
  echo "otp-secret-base32 $(printf %s "$secret" | base32 | tr -d '=')"
  echo "username $username"
  echo "password $password"
  echo "step-up-token $token"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  case "${1:-}" in
    token) shift; person_token "$@" ;;
    stepup) shift; person_with_otp "$@" ;;
    *) echo "usage: $0 token OWNER_ID [ROLE ...] | stepup OWNER_ID [ROLE ...]" >&2; exit 2 ;;
  esac
fi
