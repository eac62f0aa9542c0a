#!/usr/bin/env python3
"""Makes JWTs the gateway must accept or refuse, for deploy/gateway/check.sh.

Usage: forge-token.py ALG KID KEY CLAIMS_JSON
  ALG     RS256 (KEY: a private key PEM, signed with openssl), HS256 (KEY: a file whose bytes are the
          HMAC secret, e.g. the realm's public key: the classic algorithm-confusion attack) or none
  KID     the header's kid ('-' for none)
  CLAIMS  the payload; "exp": "+N" / "-N" means N seconds from now
"""
import base64
import hashlib
import hmac
import json
import subprocess
import sys
import time


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


alg, kid, key, claims = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
for name in ("exp", "iat", "nbf"):
    if isinstance(claims.get(name), str):
        claims[name] = int(time.time()) + int(claims[name])
header = {"alg": alg, "typ": "JWT"}
if kid != "-":
    header["kid"] = kid
signing_input = f"{b64(json.dumps(header).encode())}.{b64(json.dumps(claims).encode())}"
if alg == "RS256":
    signature = subprocess.run(["openssl", "dgst", "-sha256", "-sign", key], input=signing_input.encode(),
                               capture_output=True, check=True).stdout
elif alg == "HS256":
    signature = hmac.new(open(key, "rb").read(), signing_input.encode(), hashlib.sha256).digest()
elif alg == "none":
    signature = b""
else:
    sys.exit(f"unknown alg {alg}")
print(f"{signing_input}.{b64(signature)}")
