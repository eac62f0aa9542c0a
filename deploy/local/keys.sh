#!/usr/bin/env bash
# The local hot wallet's key for wallet-service's signer (ADR 0014): an encrypted JSON keystore and its password
# file under $STATE/keys/, made from Anvil's public development mnemonic (dev account C2C_HOT_WALLET_INDEX, 9 by
# default: no script or test uses it). Production mounts its own keystore and password file from a secret store.
# The deposit account's key for sweeps is written the same way: m/44'/60'/1' of that mnemonic, the private side of
# wallet-service's default c2c.wallet.deposit.xpub.
# Usage: keys.sh hot-wallet        create the keystore and password file if missing; print the address
#        keys.sh deposit-account   the same for the deposit account (sweeps): deposit-account.json and .password
#        keys.sh fund              top the hot wallet's gas (native coin) up to 1 ETH from Anvil's dev funds. Its USDT
#                                  comes only from sweeps of credited deposits, so that every token it holds is in the
#                                  ledger (the custody report's difference stays zero); none is minted or sent to it here
#        keys.sh address           print the hot wallet's address
# services.sh hands the paths to wallet-service (C2C_HOT_WALLET_KEYSTORE, C2C_HOT_WALLET_PASSWORD_FILE,
# C2C_DEPOSIT_KEYSTORE, C2C_DEPOSIT_PASSWORD_FILE) when they exist; without them the signer (or the sweeps) stays
# off and says so on /q/health/ready. up.sh's flow: after the build, before the services start:
# `keys.sh hot-wallet && keys.sh deposit-account && keys.sh fund` (fund needs the chain up).
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

# ensure_keystore NAME PATH WHAT: $KEYS/NAME.json and a random password in $KEYS/NAME.password, each written once
# (0600, in a 0700 folder), holding the development mnemonic's key at PATH.
ensure_keystore() {
  local name="$1" path="$2" what="$3" keystore="$KEYS/$1.json" password="$KEYS/$1.password" addr
  if [ -f "$keystore" ] && [ -f "$password" ]; then
    step "$what 0x$(jq -r .address "$keystore") (keystore $keystore)"
    return 0
  fi
  [ -d "$LIBS" ] || die "$LIBS is missing: build wallet-service first (up.sh builds it)"
  pick_java
  mkdir -p "$KEYS" && chmod 700 "$KEYS"
  rm -f "$keystore"
  (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '/+=\n' > "$password" && echo >> "$password")
  addr=$(umask 077 && "$JAVA_HOME/bin/java" -cp "$LIBS/*" "$ROOT/deploy/local/keys/DevKeystore.java" \
    "$path" "$keystore" "$password") || die "could not write $keystore"
  step "$what $addr: keystore $keystore, password file $password ($path of the development mnemonic, local use only)"
}

ensure_hot_wallet() {
  ensure_keystore hot-wallet "m/44'/60'/0'/0/$INDEX" "hot wallet"
}

# fund_hot_wallet: tops the hot wallet's gas up (deploy/chain/send.mjs gas); no USDT (see the usage above).
fund_hot_wallet() {
  local addr eth
  addr=$(address)
  # Gas: the signer pays for withdrawals, sweeps and the deposit addresses' gas top-ups in native coin (a dev
  # account starts with 10000 ETH; kept at >= 1).
  eth=$(node "$ROOT/deploy/chain/send.mjs" gas "$addr" 1) || die "topping up the hot wallet's gas failed"
  step "hot wallet $addr holds $eth ETH for gas and $(node "$ROOT/deploy/chain/send.mjs" balance "$addr") USDT (from sweeps)"
}

case "${1:-}" in
  hot-wallet) ensure_hot_wallet ;;
  deposit-account) ensure_keystore deposit-account "m/44'/60'/1'" "deposit account" ;;
  fund) fund_hot_wallet ;;
  address) address ;;
  *) echo "usage: $0 hot-wallet | deposit-account | fund | address" >&2; exit 2 ;;
esac
