#!/usr/bin/env python3
"""A stand-in for one service behind the gateway, for deploy/gateway/check.sh.

Usage: stub-upstream.py NAME PORT

Answers every request with JSON naming itself, the method, path and the headers it received, except:
  .../stream          Server-Sent Events: three events 1.5 s apart, then the end of the stream
  .../garbage         bytes that are not HTTP (the gateway should answer 502)
  ?slow=SECONDS       waits that long before answering
  Upgrade: websocket  101 Switching Protocols, then echoes what it receives until the client closes
  /q/health/ready     503 when NAME ends in -standby (a matching engine standing by), else 200
"""
import base64
import hashlib
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

NAME, PORT = sys.argv[1], int(sys.argv[2])


class Stub(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # quiet: the gateway's log is the one to read
        pass

    def handle_any(self):
        url = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        slow = parse_qs(url.query).get("slow")
        if slow:
            time.sleep(min(float(slow[0]), 30))
        if self.headers.get("Upgrade", "").lower() == "websocket":
            return self.echo_upgraded()
        if url.path.endswith("/garbage"):
            self.wfile.write(b"this is not HTTP\r\n\r\n")
            self.close_connection = True
            return
        if url.path.endswith("/stream"):
            return self.stream()
        answer = json.dumps({
            "upstream": NAME, "method": self.command, "path": self.path,
            "headers": {k.lower(): v for k, v in self.headers.items()}, "bodyBytes": len(body),
        }).encode()
        # A standby (a NAME ending in -standby, as a matching-service instance waiting for the lead) is not ready.
        standby = url.path == "/q/health/ready" and NAME.endswith("-standby")
        self.send_response(503 if standby else 200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def stream(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Connection", "close")
        self.end_headers()
        for i in range(3):
            if i:
                time.sleep(1.5)
            self.wfile.write(f"id: {i}\ndata: {{\"n\":{i},\"at\":{time.time():.3f}}}\n\n".encode())
            self.wfile.flush()
        self.close_connection = True

    def echo_upgraded(self):
        # RFC 6455's handshake answer; HAProxy refuses (502) a 101 without the right one.
        key = self.headers.get("Sec-WebSocket-Key", "") + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
        self.send_response(101)
        self.send_header("Upgrade", "websocket")
        self.send_header("Connection", "Upgrade")
        self.send_header("Sec-WebSocket-Accept", base64.b64encode(hashlib.sha1(key.encode()).digest()).decode())
        self.end_headers()
        self.wfile.flush()
        while True:
            data = self.connection.recv(4096)
            if not data:
                break
            self.connection.sendall(data)
        self.close_connection = True

    do_GET = do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = handle_any


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", PORT), Stub).serve_forever()
