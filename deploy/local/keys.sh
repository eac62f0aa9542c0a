#!/usr/bin/env bash
# The local hot wallet's key for wallet-service's signer (ADR 0014): an encrypted JSON keystore and its password
# file under $STATE/keys/, made from Anvil's public development mnemonic (dev account C2C_HOT_WALLET_INDEX, 9 by
# default: no script or test uses it). Production mounts its own keystore and password file from a secret store.
# Usage: keys.sh hot-wallet        create the keystore and password file if missing; print the address
#        keys.sh fund [USDT]       top the hot wallet's local USDT up to USDT (default 100000) from dev account 0,
#                                  and its gas (native coin) up to 1 ETH
#        keys.sh address           print the hot wallet's address
# services.sh hands the two paths to wallet-service (C2C_HOT_WALLET_KEYSTORE, C2C_HOT_WALLET_PASSWORD_FILE) when
# they exist; without them the signer stays off and says so on /q/health/ready. up.sh's flow: after the build,
# before the services start: `keys.sh hot-wallet && keys.sh fund` (fund needs the chain up).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KEYS="$STATE/keys"
KEYSTORE="$KEYS/hot-wallet.json"
PASSWORD="$KEYS/hot-wallet.password"
INDEX="${C2C_HOT_WALLET_INDEX:-9}"
LIBS="$ROOT/wallet-service/target/quarkus-app/lib/main"

address() {
  [ -f "$KEYSTORE" ] || die "$KEYSTORE is missing: run deploy/local/keys.sh hot-wallet"
  echo "0x$(jq -r .address "$KEYSTORE")"
}

# ensure_hot_wallet: the keystore and a random password for it, each written once (0600, in a 0700 folder).
ensure_hot_wallet() {
  if [ -f "$KEYSTORE" ] && [ -f "$PASSWORD" ]; then
    step "hot wallet $(address) (keystore $KEYSTORE)"
    return 0
  fi
  [ -d "$LIBS" ] || die "$LIBS is missing: build wallet-service first (up.sh builds it)"
  pick_java
  mkdir -p "$KEYS" && chmod 700 "$KEYS"
  rm -f "$KEYSTORE"
  (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '/+=\n' > "$PASSWORD" && echo >> "$PASSWORD")
  local addr
  addr=$(umask 077 && "$JAVA_HOME/bin/java" -cp "$LIBS/*" "$ROOT/deploy/local/keys/HotWalletKeystore.java" \
    "$INDEX" "$KEYSTORE" "$PASSWORD") || die "could not write $KEYSTORE"
  step "hot wallet $addr: keystore $KEYSTORE, password file $PASSWORD (Anvil dev account $INDEX, local use only)"
}

# fund_hot_wallet [USDT]: tops the hot wallet's token balance up to USDT from dev account 0 (deploy/chain/send.mjs).
fund_hot_wallet() {
  local want="${1:-100000}" addr have missing
  addr=$(address)
  have=$(node "$ROOT/deploy/chain/send.mjs" balance "$addr") || die "cannot read the hot wallet's balance (is the chain up?)"
  missing=$(awk -v w="$want" -v h="$have" 'BEGIN { d = w - h; if (d > 0) printf "%.6f", d; else print "0" }')
  if [ "$missing" = "0" ]; then
    step "hot wallet $addr holds $have USDT (>= $want)"
  else
    node "$ROOT/deploy/chain/send.mjs" transfer "$addr" "$missing" 0 >/dev/null || die "funding the hot wallet failed"
    step "hot wallet $addr funded with $missing USDT (now $want)"
  fi
  # Gas: the signer pays for its transfers in native coin (a dev account starts with 10000 ETH; kept at >= 1).
  local eth; eth=$(node "$ROOT/deploy/chain/send.mjs" gas "$addr" 1) || die "topping up the hot wallet's gas failed"
  step "hot wallet $addr holds $eth ETH for gas"
}

case "${1:-}" in
  hot-wallet) ensure_hot_wallet ;;
  fund) fund_hot_wallet "${2:-}" ;;
  address) address ;;
  *) echo "usage: $0 hot-wallet | fund [USDT] | address" >&2; exit 2 ;;
esac
